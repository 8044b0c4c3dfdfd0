#!/usr/bin/env python
"""VideoGPT's tokenizer training script, with VideoGPT's flags (--n_hiddens, --n_codes, --downsample, --embedding_dim,
--n_res_layers, --gpus) as well as this project's: trains the 3D VQ-VAE on VideoData and writes OUT/vqvae.pt.

    python scripts/train_vqvae.py --data_path moving_mnist --resolution 64 --sequence_length 16 --batch_size 8 --max_steps 10000

Same as `magvit-traj train-tokenizer` (nbs/06a_train_tokenizer.ipynb); --help lists every flag.
"""
import sys
from magvit_traj.train_tokenizer import train_tokenizer_main

if __name__ == '__main__': sys.exit(train_tokenizer_main(prog="train_vqvae.py"))
