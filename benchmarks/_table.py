"How the benchmarks print the head of a Markdown table (import it from a script in this folder: `from _table import print_header`)"


def print_header(*columns:str):
    "The header row of `columns` and the separator under it"
    print('| ' + ' | '.join(columns) + ' |')
    print('|---' * len(columns) + '|')
