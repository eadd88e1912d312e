#!/usr/bin/env bash
# Build the front-end assets for Working Together.
#
#   npm ci && bash assets/build.sh      (or: npm run build)
#
# Writes copro/core/static/core/{css,js,govuk/assets}. The output is committed,
# so running the service never needs Node.js; run this after changing
# assets/ or upgrading govuk-frontend, and commit the result.
#
# GOV.UK Frontend's own images are all the crown (favicons, app icons, crest)
# and its fonts are GDS Transport: a council service may use neither, so
# nothing from dist/govuk/assets is copied. Our own neutral icons (a staircase)
# come from assets/images/ instead.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

govuk=node_modules/govuk-frontend/dist/govuk
out=copro/core/static/core

if [[ ! -d "$govuk" ]]; then
  echo "build.sh: $govuk not found: run 'npm ci' first" >&2
  exit 1
fi

mkdir -p "$out/css" "$out/js"

# 1. Sass -> one compressed stylesheet, no source map.
npx sass --pkg-importer=node --style=compressed --no-source-map \
  assets/scss/council.scss "$out/css/council.min.css"

# 2. GOV.UK Frontend JavaScript (an ES module; js/init.js imports it).
cp "$govuk/govuk-frontend.min.js" "$out/js/govuk-frontend.min.js"

# 3. Icons and web manifest: ours, never GOV.UK's crown.
rm -rf "$out/govuk/assets"
mkdir -p "$out/govuk/assets/images"
cp assets/images/favicon.svg assets/images/favicon.ico assets/images/mask-icon.svg \
   assets/images/icon-180.png assets/images/icon-192.png assets/images/icon-512.png \
   "$out/govuk/assets/images/"
cp assets/manifest.json "$out/govuk/assets/manifest.json"

# 4. Guards: the brand rules hold in what we ship.
css="$out/css/council.min.css"
fail=0
if grep -qi "GDS Transport" "$css"; then
  echo "build.sh: the GDS Transport font is in $css" >&2; fail=1
fi
if grep -qiE "govuk-crest|govuk-icon|\.woff" "$css"; then
  echo "build.sh: a GOV.UK crest, icon or font file is referenced in $css" >&2; fail=1
fi
# An unprefixed GOV.UK Sass function call is copied into the CSS as text.
if grep -qE "govuk-[a-z-]+\(" "$css"; then
  echo "build.sh: an unresolved govuk-*() Sass function call is in $css" >&2; fail=1
fi
if find "$out" -iname '*crest*' -o -iname '*crown*' -o -iname '*.woff*' | grep -q .; then
  echo "build.sh: a crown, crest or GDS Transport file is in $out" >&2; fail=1
fi
exit "$fail"
