#!/bin/sh
# Turns a full install into what the runtime image needs (deploy/Dockerfile's build stage runs it
# after the type check and the build): production dependencies only, and of botframework-webchat
# only the files the page serves (src/channels/web/webchatAssets.ts reads package.json and
# dist/webchat.js*). The rest of Web Chat (its React sources, the speech SDK...) is never loaded by
# the server: about 240 MB less per image.
set -eu
keep=$(mktemp -d)
mkdir -p "$keep/dist"
cp node_modules/botframework-webchat/package.json "$keep/"
cp node_modules/botframework-webchat/dist/webchat.js node_modules/botframework-webchat/dist/webchat.js.LICENSE.txt "$keep/dist/"
# In this order: prune first (it would bring Web Chat's dependencies back), and --omit=dev on the
# uninstall too (without it npm reinstalls the dev dependencies).
npm prune --omit=dev --no-audit --no-fund
npm uninstall --no-save --omit=dev --no-audit --no-fund botframework-webchat
mkdir -p node_modules/botframework-webchat
cp -R "$keep/." node_modules/botframework-webchat/
rm -rf "$keep"
