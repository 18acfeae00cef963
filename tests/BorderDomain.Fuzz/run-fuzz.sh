#!/usr/bin/env bash
# Coverage-guided fuzzing of the BDQ front end or the data loader with AFL++ and SharpFuzz.
#
#   tests/BorderDomain.Fuzz/run-fuzz.sh [query|load] [seconds]     (defaults: query, 300)
#
# Installs what is missing (afl++ from the distribution's packages, the sharpfuzz instrumenting tool as a local dotnet
# tool under the build output), publishes the fuzz target, instruments BorderDomain.dll in the published copy, and runs
# afl-fuzz for the given time on the saved corpus (corpus/<target>/) with the tokens in dict/<target>.dict. Findings go
# outside the repository, to $FUZZ_OUT/<target> (a new temporary folder when FUZZ_OUT is unset); the script prints where.
# A file in <findings>/default/crashes/ is an input that made the target throw: reproduce it with
#   dotnet tests/BorderDomain.Fuzz/bin/fuzz/publish/BorderDomain.Fuzz.dll <target> < <file>
# and save it into corpus/<target>/, where the corpus tests (Stress/FuzzCorpusTests) keep running it. Inputs the
# fuzzer found that reach new code (<findings>/default/queue/*+cov*) are worth saving there too.
set -euo pipefail

target="${1:-query}"
seconds="${2:-300}"
case "$target" in
  query|load) ;;
  *) echo "usage: $0 [query|load] [seconds]" >&2; exit 2 ;;
esac
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 [query|load] [seconds]  (seconds: a positive whole number)" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$here/bin/fuzz"
tools="$build/tools"
publish="$build/publish"
corpus="$here/corpus/$target"

# afl-fuzz: the distribution's afl++ package.
if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "run-fuzz: installing afl++" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! apt-cache policy afl++ 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    $sudo apt-get update
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y afl++
fi

# sharpfuzz: the instrumenting tool, pinned, installed beside the build output (not globally).
if [ ! -x "$tools/sharpfuzz" ]; then
  echo "run-fuzz: installing SharpFuzz.CommandLine 2.3.0 into $tools" >&2
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

# A fresh publish each time: sharpfuzz instruments in place and refuses an assembly it has already instrumented.
rm -rf "$publish"
dotnet publish "$here/BorderDomain.Fuzz.csproj" -c Release -o "$publish" -nologo -v quiet
"$tools/sharpfuzz" "$publish/BorderDomain.dll"

out="${FUZZ_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/borderdomain-fuzz.XXXXXX")}"
findings="$out/$target"
mkdir -p "$findings"
echo "run-fuzz: fuzzing '$target' for ${seconds}s on $corpus; findings in $findings" >&2

# dotnet itself is not instrumented (the managed code reports coverage through SharpFuzz), so skip AFL's binary
# check; a container may not let AFL set the core pattern or the CPU governor, and the cores are shared, so do not pin.
export AFL_SKIP_BIN_CHECK=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_SKIP_CPUFREQ=1
export AFL_NO_AFFINITY=1
export AFL_NO_UI=1
status=0
afl-fuzz -i "$corpus" -o "$findings" -x "$here/dict/$target.dict" -t 10000 -m none -V "$seconds" -- dotnet "$publish/BorderDomain.Fuzz.dll" "$target" || status=$?

stats="$findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
  echo "run-fuzz: summary ($stats)"
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|corpus_found|bitmap_cvg|saved_crashes|saved_hangs|stability) ' "$stats" || true
fi
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "run-fuzz: $crashes crash(es) in $findings/default/crashes, $hangs hang(s) in $findings/default/hangs"
echo "run-fuzz: new inputs in $findings/default/queue"
exit "$status"
