#!/usr/bin/env bash
# Compares two folders of letter PDFs (say, `upheld letters` before and after a change to printing), letter by letter:
# the text as `pdftotext -layout` lays it out, the tags with their text (`pdfinfo -struct-text`, the object numbers of
# links left out: they are only where the link sits in the file), and the title, page count, page size and "Tagged".
# Prints each letter that differs and a count; exits 1 when any differs. Needs poppler-utils.
# Usage: scripts/compare-letter-pdfs.sh BEFORE_FOLDER AFTER_FOLDER
set -uo pipefail
before=${1:?usage: $0 BEFORE_FOLDER AFTER_FOLDER}
after=${2:?usage: $0 BEFORE_FOLDER AFTER_FOLDER}

read_back() {
  pdftotext -layout "$1" - 2>/dev/null
  echo "=="
  pdfinfo -struct-text "$1" 2>/dev/null | sed 's/Object [0-9]* 0/Object N 0/'
  echo "=="
  pdfinfo "$1" 2>/dev/null | grep -E '^(Title|Pages|Page size|Tagged):'
}

compared=0 differ=0
for pdf in "$before"/*.pdf; do
  name=$(basename "$pdf")
  compared=$((compared + 1))
  if [ ! -f "$after/$name" ]; then
    echo "missing: $name"; differ=$((differ + 1)); continue
  fi
  if ! cmp -s <(read_back "$pdf") <(read_back "$after/$name"); then
    echo "differs: $name"; differ=$((differ + 1))
  fi
done
echo "$compared PDFs compared, $differ differ"
[ "$differ" -eq 0 ]
