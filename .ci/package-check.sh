#!/usr/bin/env bash
# Packaging check, run by .ci/run after the tests (and runnable alone: bash .ci/package-check.sh).
#
#   1. pack   dotnet pack BorderDomain, BorderDomain.EntityFrameworkCore and borderq (BorderDomain.Cli) into a fresh
#             temporary folder, Release.
#   2. layout the library package holds lib/net8.0 and lib/net10.0 (dll + XML docs), the generator and Sprache.dll in
#             analyzers/dotnet/cs, the README; depends on Sprache but not on the generator nor on anything of EF Core;
#             has a .snupkg whose PDBs carry SourceLink. The EF package holds lib/net10.0 (dll + XML docs) and the README,
#             depends on BorderDomain of the same version and on Microsoft.EntityFrameworkCore(.Relational) but on no
#             database provider, and has a .snupkg. The tool package is a DotnetTool carrying the EF package, both
#             providers and SQLite's native library for linux-x64.
#   3. consumer  a throwaway net10.0 console app (.ci/consumer/ok) restores BorderDomain from the pack folder, compiles
#             a [BdqQuery] query with the packaged generator, runs a run-time query, and prints the expected answers.
#   4. diagnostic  a consumer whose query misspells a field (.ci/consumer/bad) fails to build with BDQ0102 at the
#             misspelt name's line and column.
#
# Prints one PASS/FAIL line per step and exits 1 if any failed. The consumers restore into their own empty
# NUGET_PACKAGES, so a stale cached BorderDomain cannot stand in for the one just packed; their other packages come
# from the machine's default source. PACKAGE_CHECK_VERSION overrides the version (default 1.0.0-ci);
# PACKAGE_CHECK_KEEP=1 keeps the temporary folder.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version=${PACKAGE_CHECK_VERSION:-1.0.0-ci}
work=$(mktemp -d "${TMPDIR:-/tmp}/borderdomain-package-check.XXXXXX")
if [ "${PACKAGE_CHECK_KEEP:-0}" = 1 ]; then
  echo "package check: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi
out="$work/packages"
mkdir -p "$out"

failures=0
pass() { echo "PASS package check $1"; }
fail() {
  echo "FAIL package check $1"
  failures=$((failures + 1))
}
# A log's error lines when it has any, else its last lines.
show_log() {
  if grep -qE ': error ' "$1"; then
    grep -E ': error ' "$1" | awk '!seen[$0]++' | head -n 40 | sed 's/^/    /'
  else
    tail -n 40 "$1" | sed 's/^/    /'
  fi
}
# Entry names of a zip archive, one a line, from `unzip -l`.
entries() {
  unzip -l "$1" | awk 'NF >= 4 && $1 ~ /^[0-9]+$/ && $2 ~ /^[0-9-]+$/ { print $4 }'
}

lib_nupkg="$out/BorderDomain.$version.nupkg"
lib_snupkg="$out/BorderDomain.$version.snupkg"
tool_nupkg="$out/BorderDomain.Cli.$version.nupkg"
ef_nupkg="$out/BorderDomain.EntityFrameworkCore.$version.nupkg"
ef_snupkg="$out/BorderDomain.EntityFrameworkCore.$version.snupkg"

# ---- 1. pack ----------------------------------------------------------------------------------------------------
step="1/4 pack"
pack_ok=1
for project in src/BorderDomain/BorderDomain.csproj src/BorderDomain.EntityFrameworkCore/BorderDomain.EntityFrameworkCore.csproj \
  src/BorderDomain.Cli/BorderDomain.Cli.csproj; do
  log="$work/pack-$(basename "$project" .csproj).log"
  if ! dotnet pack "$project" -c Release -o "$out" --artifacts-path "$work/artifacts" -p:Version="$version" -tl:off >"$log" 2>&1; then
    echo "  dotnet pack $project failed:"
    show_log "$log"
    pack_ok=0
  fi
done
for f in "$lib_nupkg" "$lib_snupkg" "$ef_nupkg" "$ef_snupkg" "$tool_nupkg"; do
  if [ ! -f "$f" ]; then
    echo "  missing $(basename "$f")"
    pack_ok=0
  fi
done
if [ "$pack_ok" = 1 ]; then
  pass "$step: $(cd "$out" && ls | tr '\n' ' ')"
else
  fail "$step"
fi

# ---- 2. layout --------------------------------------------------------------------------------------------------
step="2/4 layout"
if [ ! -f "$lib_nupkg" ]; then
  fail "$step: no $(basename "$lib_nupkg") to inspect"
else
  problems=()
  lib_entries=$(entries "$lib_nupkg")
  echo "  $(basename "$lib_nupkg"):"
  sed 's/^/    /' <<<"$lib_entries"
  for want in \
    README.md \
    lib/net8.0/BorderDomain.dll lib/net8.0/BorderDomain.xml \
    lib/net10.0/BorderDomain.dll lib/net10.0/BorderDomain.xml \
    analyzers/dotnet/cs/BorderDomain.Generators.dll analyzers/dotnet/cs/Sprache.dll; do
    grep -qxF "$want" <<<"$lib_entries" || problems+=("$(basename "$lib_nupkg") lacks $want")
  done
  # The generator and the Sprache copy it loads are analyzer assets only, never compile or run-time references.
  if grep -E '^(lib|ref|runtimes)/.*(BorderDomain\.Generators|Sprache)\.dll$' <<<"$lib_entries" >/dev/null; then
    problems+=("$(basename "$lib_nupkg") puts the generator or Sprache under lib/, ref/ or runtimes/")
  fi
  nuspec=$(unzip -p "$lib_nupkg" BorderDomain.nuspec)
  for tfm in net8.0 net10.0; do
    # Sprache is a real run-time dependency of the library (the run-time BDQ parser), in every framework group.
    if ! tr -d '\r\n' <<<"$nuspec" | grep -qE "<group targetFramework=\"$tfm\">(<[^/][^>]*/>|[[:space:]])*<dependency id=\"Sprache\""; then
      problems+=("nuspec: the $tfm group does not depend on Sprache")
    fi
  done
  if grep -q 'id="BorderDomain.Generators"' <<<"$nuspec"; then
    problems+=("nuspec: depends on BorderDomain.Generators")
  fi
  # Everything that needs EF Core lives in BorderDomain.EntityFrameworkCore; the core package must not pull it in.
  if grep -qiE 'id="(Microsoft\.EntityFrameworkCore|Npgsql|Microsoft\.Data\.Sqlite|SQLitePCLRaw)' <<<"$nuspec"; then
    problems+=("nuspec: the core package depends on EF Core or a database provider")
  fi
  if grep -qE '^lib/.*(EntityFrameworkCore|Npgsql|Sqlite)' <<<"$lib_entries"; then
    problems+=("$(basename "$lib_nupkg") carries EF Core or database assemblies")
  fi
  grep -qE '<repository type="git" url="[^"]+"[^>]* commit="[0-9a-f]{40}"' <<<"$nuspec" ||
    problems+=("nuspec: no <repository> with url and commit")

  if [ -f "$lib_snupkg" ]; then
    sym_entries=$(entries "$lib_snupkg")
    echo "  $(basename "$lib_snupkg"):"
    sed 's/^/    /' <<<"$sym_entries"
    mkdir -p "$work/symbols"
    unzip -q -o "$lib_snupkg" -d "$work/symbols"
    for tfm in net8.0 net10.0; do
      pdb="$work/symbols/lib/$tfm/BorderDomain.pdb"
      if [ ! -f "$pdb" ]; then
        problems+=("$(basename "$lib_snupkg") lacks lib/$tfm/BorderDomain.pdb")
      elif ! grep -aqE '\{"documents":\{"[^"]+":"https://[^"]+/[0-9a-f]{40}/\*"' "$pdb"; then
        problems+=("lib/$tfm/BorderDomain.pdb carries no SourceLink document map")
      fi
    done
  else
    problems+=("no $(basename "$lib_snupkg")")
  fi

  if [ -f "$ef_nupkg" ]; then
    ef_entries=$(entries "$ef_nupkg")
    echo "  $(basename "$ef_nupkg"):"
    sed 's/^/    /' <<<"$ef_entries"
    for want in README.md lib/net10.0/BorderDomain.EntityFrameworkCore.dll lib/net10.0/BorderDomain.EntityFrameworkCore.xml; do
      grep -qxF "$want" <<<"$ef_entries" || problems+=("$(basename "$ef_nupkg") lacks $want")
    done
    if grep -qE '^lib/.*/BorderDomain\.dll$' <<<"$ef_entries"; then
      problems+=("$(basename "$ef_nupkg") carries a copy of BorderDomain.dll instead of depending on the package")
    fi
    ef_nuspec=$(unzip -p "$ef_nupkg" BorderDomain.EntityFrameworkCore.nuspec | tr -d '\r\n')
    grep -qF "<dependency id=\"BorderDomain\" version=\"$version\"" <<<"$ef_nuspec" ||
      problems+=("EF nuspec: does not depend on BorderDomain $version")
    for dep in Microsoft.EntityFrameworkCore Microsoft.EntityFrameworkCore.Relational; do
      grep -qF "<dependency id=\"$dep\"" <<<"$ef_nuspec" || problems+=("EF nuspec: does not depend on $dep")
    done
    # The user picks the database: the package works on any relational provider and ships none.
    if grep -qiE 'id="(Npgsql[^"]*|Microsoft\.EntityFrameworkCore\.Sqlite[^"]*)"' <<<"$ef_nuspec"; then
      problems+=("EF nuspec: depends on a database provider")
    fi
  else
    problems+=("no $(basename "$ef_nupkg")")
  fi

  if [ -f "$tool_nupkg" ]; then
    tool_entries=$(entries "$tool_nupkg")
    for want in tools/net10.0/any/BorderDomain.Cli.dll tools/net10.0/any/BorderDomain.dll \
      tools/net10.0/any/Sprache.dll tools/net10.0/any/DotnetToolSettings.xml \
      tools/net10.0/any/BorderDomain.EntityFrameworkCore.dll tools/net10.0/any/Npgsql.EntityFrameworkCore.PostgreSQL.dll \
      tools/net10.0/any/Microsoft.EntityFrameworkCore.Sqlite.dll tools/net10.0/any/runtimes/linux-x64/native/libe_sqlite3.so; do
      grep -qxF "$want" <<<"$tool_entries" || problems+=("$(basename "$tool_nupkg") lacks $want")
    done
    unzip -p "$tool_nupkg" BorderDomain.Cli.nuspec | grep -q '<packageType name="DotnetTool"' ||
      problems+=("$(basename "$tool_nupkg") is not a DotnetTool package")
    unzip -p "$tool_nupkg" tools/net10.0/any/DotnetToolSettings.xml | grep -q 'Command Name="borderq"' ||
      problems+=("$(basename "$tool_nupkg") has no borderq command")
  else
    problems+=("no $(basename "$tool_nupkg")")
  fi

  if [ "${#problems[@]}" -eq 0 ]; then
    pass "$step: lib/net8.0 + lib/net10.0 (dll, xml), analyzers/dotnet/cs (generator, Sprache), README, snupkg with SourceLink, no EF Core; EF package on BorderDomain $version and EF Core, no provider; DotnetTool borderq with both providers"
  else
    printf '  %s\n' "${problems[@]}"
    fail "$step"
  fi
fi

# ---- consumers --------------------------------------------------------------------------------------------------
# One nuget.config above both consumers: the machine's default source plus the pack folder.
consumer_ready=0
if [ -f "$lib_nupkg" ]; then
  if dotnet new nugetconfig -o "$work" >"$work/nugetconfig.log" 2>&1 &&
    dotnet nuget add source "$out" -n local --configfile "$work/nuget.config" >>"$work/nugetconfig.log" 2>&1; then
    consumer_ready=1
  else
    show_log "$work/nugetconfig.log"
  fi
fi
export NUGET_PACKAGES="$work/nuget-packages"

# Copies the consumer template and one Program.cs into $work/$1.
make_consumer() {
  mkdir -p "$work/$1"
  cp "$root/.ci/consumer/Consumer.csproj" "$root/.ci/consumer/$1/Program.cs" "$work/$1/"
}
build_consumer() {
  dotnet build "$work/$1/Consumer.csproj" -c Release -tl:off -nologo -p:BorderDomainVersion="$version" >"$work/build-$1.log" 2>&1
}
# The consumer restored the package just packed, not some other copy.
restored_ours() {
  local restored
  restored="$NUGET_PACKAGES/borderdomain/$version/borderdomain.$version.nupkg"
  [ -f "$restored" ] && cmp -s "$restored" "$lib_nupkg"
}

# ---- 3. consumer ------------------------------------------------------------------------------------------------
step="3/4 consumer"
if [ "$consumer_ready" != 1 ]; then
  fail "$step: no package or nuget.config to build against"
else
  make_consumer ok
  if ! build_consumer ok; then
    echo "  the consumer failed to build:"
    show_log "$work/build-ok.log"
    fail "$step: build failed"
  elif ! restored_ours; then
    fail "$step: the consumer did not restore BorderDomain $version from the pack folder"
  else
    run_log="$work/run-ok.log"
    if ! dotnet "$work/ok/bin/Release/net10.0/Consumer.dll" >"$run_log" 2>&1; then
      echo "  the consumer failed to run:"
      sed 's/^/    /' "$run_log" | head -n 40
      fail "$step: run failed"
    else
      sed 's/^/    /' "$run_log"
      first=$(head -n 1 "$run_log")
      if [ "$first" != "pe-ec-2013-fuel" ]; then
        fail "$step: first line is '$first', expected 'pe-ec-2013-fuel'"
      elif ! grep -qx 'count=2' "$run_log"; then
        fail "$step: no 'count=2' (compile-time count)"
      elif ! grep -qx 'runtime=2' "$run_log"; then
        fail "$step: no 'runtime=2' (run-time count)"
      else
        pass "$step: compile-time and run-time queries answered from the packed BorderDomain $version"
      fi
    fi
  fi
fi

# ---- 4. diagnostic ----------------------------------------------------------------------------------------------
step="4/4 diagnostic"
if [ "$consumer_ready" != 1 ]; then
  fail "$step: no package or nuget.config to build against"
else
  make_consumer bad
  # Where the misspelt field sits in the template: MSBuild prints Program.cs(LINE,COLUMN), both 1-based.
  line='?' column='?'
  read -r line column < <(awk 'index($0, "parites") { print NR, index($0, "parites"); exit }' "$work/bad/Program.cs")
  expected="Program.cs($line,$column): error BDQ0102"
  if build_consumer bad; then
    fail "$step: the consumer with 'parites' built; expected error BDQ0102"
  elif grep -qF "$expected" "$work/build-bad.log"; then
    grep -F "$expected" "$work/build-bad.log" | head -n 1 | sed -E 's/ \[[^]]*\]$//; s/^/    /'
    pass "$step: BDQ0102 reported at Program.cs($line,$column)"
  else
    echo "  expected '$expected'; the build said:"
    show_log "$work/build-bad.log"
    fail "$step: no BDQ0102 at Program.cs($line,$column)"
  fi
fi

if [ "$failures" -eq 0 ]; then
  echo "package check: all 4 steps passed"
else
  echo "package check: $failures of 4 steps failed"
  exit 1
fi
