#!/usr/bin/env bash
# Refresh the translation sources from the GUI code, then compile them. Edit the .ts
# files with Qt Linguist (pyside6-linguist); commit both the .ts and the .qm.
set -euo pipefail
cd "$(dirname "$0")/../.."
for ts in resources/translations/ganexplorer_*.ts; do
  pyside6-lupdate $(find ganexplorer/gui -name "*.py" | sort) -ts "$ts"
  pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
