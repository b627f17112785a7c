# syntax=docker/dockerfile:1
# warroom's container image. Checked in `npm test` (test/deploy/dockerfile.test.ts): dockerfile-utils'
# validator plus the hadolint rules that matter here.

# Build stage: the full Debian image has the compilers and Python that better-sqlite3's native addon
# needs when no prebuilt binary fits, so no apt-get (and no apt version pins to go stale) is needed.
FROM node:20.20.2-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (tsx among them: it runs the TypeScript); the addon is built here, for
# the same Debian and Node as the runtime stage below.
RUN npm ci --omit=dev --no-audit --no-fund

# Runtime stage: same Node and Debian release, no compilers, not root, only what warroom runs.
FROM node:20.20.2-bookworm-slim
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
