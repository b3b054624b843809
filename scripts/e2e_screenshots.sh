#!/usr/bin/env bash
# Regenerate docs/editor.png, review.png, moderation.png and statistics.png from the browser tests (needs /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
ALEDRAFT_SCREENSHOTS=docs .venv/bin/python -m pytest tests/e2e -q \
  -k "test_author_writes_fixes or test_review_pages_have_no_serious or test_moderation_register_and_statistics" "$@"
ls -l docs/editor.png docs/review.png docs/moderation.png docs/statistics.png
