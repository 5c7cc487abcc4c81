#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tools/release.sh VERSION — make release VERSION (x.y.z) from a clean checkout of main (CHANGELOG.md,
# "How a release is made"):
#   1. checks every version string: include/llmerr/version.hpp (and so project()), vcpkg.json,
#      ports/llmerr/vcpkg.json and a "## [VERSION] - YYYY-MM-DD" section in CHANGELOG.md all say VERSION;
#   2. tags HEAD vVERSION (annotated) and makes the source archive build/dist/llmerr-VERSION.tar.gz from the tag
#      (git archive, prefix llmerr-VERSION/: what the hosting service serves as archive/vVERSION.tar.gz);
#   3. writes the archive's SHA512 into ports/llmerr/portfile.cmake (REF is "v${VERSION}"), the archive's URL
#      and SHA512 into README.md's FetchContent snippet, and CHANGELOG.md's link definitions; commits that.
# It pushes nothing; it prints what to push and check.
set -euo pipefail
version=${1:?usage: tools/release.sh VERSION}
cd "$(dirname "$0")/.."
repo_url=https://github.com/llmerr/llmerr
tag="v$version"
die() { echo "release: $*" >&2; exit 1; }

[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "VERSION must be x.y.z, not '$version'"
[[ -z "$(git status --porcelain)" ]] || die "the work tree is not clean"
! git rev-parse -q --verify "refs/tags/$tag" >/dev/null || die "tag $tag exists"

# 1. Versions.
cmake -DSOURCE_DIR="$PWD" -DPROJECT_VERSION="$version" -P tests/cmake/check_versions.cmake >/dev/null 2>&1 ||
  die "version strings disagree with $version: $(cmake -DSOURCE_DIR="$PWD" -DPROJECT_VERSION="$version" \
       -P tests/cmake/check_versions.cmake 2>&1 | grep -v '^$' | head -n 3 | tr '\n' ' ')(set version.hpp, both vcpkg.json, CHANGELOG.md first)"
grep -Eq "^## \[$version\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\$" CHANGELOG.md ||
  die "CHANGELOG.md has no '## [$version] - YYYY-MM-DD' section (rename [Unreleased] to it)"
echo "release: every version string says $version"

# 2. Tag and archive.
previous=$(git describe --tags --abbrev=0 --match 'v[0-9]*' HEAD 2>/dev/null || true)
git tag -a "$tag" -m "llmerr $version"
mkdir -p build/dist
archive="build/dist/llmerr-$version.tar.gz"
git archive --format=tar.gz --prefix="llmerr-$version/" -o "$archive" "$tag"
sha512=$(sha512sum "$archive" | cut -d' ' -f1)
echo "release: tagged $tag ($(git rev-parse --short "$tag^{commit}")); $archive SHA512 $sha512"

# 3. Port, README, CHANGELOG links.
sed -i -E "s/^( *SHA512 ).*/\1$sha512/" ports/llmerr/portfile.cmake
grep -q "SHA512 $sha512" ports/llmerr/portfile.cmake || die "could not write SHA512 into the portfile"
python3 - "$version" "$sha512" "$repo_url" "$previous" <<'PY'
import re, sys
version, sha512, url, previous = sys.argv[1:]
tag = "v" + version
readme = open("README.md", encoding="utf-8").read()
snippet = (f"# FetchContent: the {version} release archive (tools/release.sh writes its URL and SHA512 here)\n"
           "include(FetchContent)\n"
           f"FetchContent_Declare(llmerr URL {url}/archive/refs/tags/{tag}.tar.gz\n"
           f"  URL_HASH SHA512={sha512})\n"
           "FetchContent_MakeAvailable(llmerr)\n")
new, n = re.subn(r"^# FetchContent\b.*?^FetchContent_MakeAvailable\(llmerr\)\n", snippet, readme, count=1,
                 flags=re.S | re.M)
if n != 1:
    sys.exit("release: README.md has no FetchContent snippet to update")
open("README.md", "w", encoding="utf-8").write(new)

log = open("CHANGELOG.md", encoding="utf-8").read()
log = re.sub(r"^\[Unreleased\]: .*\n", "", log, flags=re.M)
log = re.sub(r"^0\.1\.0 was recorded here but never tagged.*\n\n", "", log, flags=re.M)
log = re.sub(rf"^\[{re.escape(version)}\]: .*\n", "", log, flags=re.M)
link = f"{url}/compare/{previous}...{tag}" if previous else f"{url}/releases/tag/{tag}"
defs = f"[Unreleased]: {url}/compare/{tag}...HEAD\n[{version}]: {link}\n"
m = re.search(r"^\[[0-9]+\.[0-9]+\.[0-9]+\]: ", log, flags=re.M)
log = log[:m.start()] + defs + log[m.start():] if m else log.rstrip("\n") + "\n" + defs
open("CHANGELOG.md", "w", encoding="utf-8").write(log)
PY
if [[ ! "$(sed -n '/^## \[Unreleased\]/p' CHANGELOG.md)" ]]; then
  sed -i -E "0,/^## \[$version\]/s//## [Unreleased]\n\n## [$version]/" CHANGELOG.md
fi
git add ports/llmerr/portfile.cmake README.md CHANGELOG.md
git commit -q -m "Port and README point at the $version release archive (SHA512 ${sha512:0:16}…)"
echo "release: committed $(git rev-parse --short HEAD): portfile SHA512, README snippet, CHANGELOG links"
cat <<EOM

Now:
  git push origin main $tag
  # the hosted archive must be the one hashed here (else put its SHA512 in the portfile and README):
  curl -sL $repo_url/archive/$tag.tar.gz | sha512sum    # expect $sha512
  # attach $archive to the $tag release; then submit ports/llmerr to the vcpkg registry if wanted
EOM
