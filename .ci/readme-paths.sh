#!/usr/bin/env bash
# README paths check, run by .ci/run (and runnable alone: bash .ci/readme-paths.sh [path ...]).
#
# README.md marks the code of each user path it promises runs as written:
#   <!-- check: NAME shell -->    the shell commands (run with bash -e from inside the reader's clone, a scratch
#                                 folder's BorderDomain/, where Install leaves the reader: each path starts with
#                                 `cd ..`; the last `cd` is the app's folder)
#   <!-- check: NAME program -->  the Program.cs the reader is told to paste into that folder
#   <!-- check: NAME output -->   what `dotnet run` then prints (the run's output must end with exactly these lines)
# each followed by one fenced block. A path with no program block is commands only (e.g. a tool's): then the output
# block is what the commands themselves print, which must end with exactly those lines. Paths run in README order in
# one scratch folder, so a later path can use what an earlier one made (the embedder and database paths reuse the
# library path's packages/). NuGet's cache is a fresh folder, so the freshly packed package is the one restored.
#
# Prints one PASS/FAIL line per path and exits 1 if any failed or none was found. README_PATHS_KEEP=1 keeps the
# scratch folder (each path's commands, Program.cs, output and log).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
readme="$root/README.md"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/borderdomain-readme-paths.XXXXXX")
if [ "${README_PATHS_KEEP:-0}" = 1 ]; then
  echo "readme paths: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi
# A copy of the working tree as the reader's clone (with .git, for SourceLink; without build outputs). Not a symlink: a
# pack of several projects then sees each project under two paths (the link's and the real one) and builds it twice
# into the same obj/ folder, which broke borderq's tool package.
mkdir "$work/BorderDomain"
tar -C "$root" --exclude=./artifacts --exclude=bin --exclude=obj -cf - . | tar -C "$work/BorderDomain" -xf -
export NUGET_PACKAGES="$work/nuget-packages"

# The fenced block after the marker '<!-- check: $1 $2 -->', without its fences.
block() {
  awk -v marker="<!-- check: $1 $2 -->" '
    $0 == marker { armed = 1; next }
    armed && !inside && /^```/ { inside = 1; next }
    inside && /^```/ { exit }
    inside { print }
  ' "$readme"
}

mapfile -t names < <(sed -nE 's/^<!-- check: ([a-z0-9-]+) shell -->$/\1/p' "$readme")
if [ "$#" -gt 0 ]; then
  names=("$@")
fi
if [ "${#names[@]}" -eq 0 ]; then
  echo "FAIL readme paths: README.md marks no path with <!-- check: NAME shell -->"
  exit 1
fi

failures=0
for name in "${names[@]}"; do
  block "$name" shell >"$work/$name.sh"
  block "$name" program >"$work/$name.Program.cs"
  block "$name" output >"$work/$name.expected"
  if [ ! -s "$work/$name.sh" ] || [ ! -s "$work/$name.expected" ]; then
    echo "FAIL readme path $name: README.md lacks its shell or output block"
    failures=$((failures + 1))
    continue
  fi

  log="$work/$name.log"
  if [ -s "$work/$name.Program.cs" ]; then
    # The reader's steps: the commands, then Program.cs pasted into the folder they ended in, then dotnet run.
    (
      cd "$work/BorderDomain" &&
        bash -e -c "$(cat "$work/$name.sh")
cp '$work/$name.Program.cs' Program.cs
dotnet run >'$work/$name.out' 2>'$work/$name.err'"
    ) >"$log" 2>&1
    status=$?
  else
    # Commands only: what they print is the output.
    (cd "$work/BorderDomain" && bash -e -c "$(cat "$work/$name.sh")" >"$work/$name.out" 2>"$work/$name.err") >"$log" 2>&1
    status=$?
  fi
  expected_lines=$(wc -l <"$work/$name.expected")
  if [ "$status" -ne 0 ]; then
    echo "FAIL readme path $name: exit $status"
    { tail -n 30 "$log"; cat "$work/$name.out" "$work/$name.err" 2>/dev/null | tail -n 30; } | sed 's/^/    /'
    failures=$((failures + 1))
  elif ! diff <(tail -n "$expected_lines" "$work/$name.out") "$work/$name.expected" >"$work/$name.diff"; then
    echo "FAIL readme path $name: dotnet run printed something else (< printed, > README)"
    sed 's/^/    /' "$work/$name.diff"
    failures=$((failures + 1))
  else
    if [ -s "$work/$name.Program.cs" ]; then
      echo "PASS readme path $name: the commands, Program.cs and dotnet run give the README's $expected_lines lines of output"
    else
      echo "PASS readme path $name: the commands give the README's $expected_lines lines of output"
    fi
  fi
done

if [ "$failures" -gt 0 ]; then
  echo "readme paths: $failures of ${#names[@]} failed"
  exit 1
fi
echo "readme paths: all ${#names[@]} passed"
