# syntax=docker/dockerfile:1

# Build stage: compilers for better-sqlite3's native module, production dependencies only.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Runtime stage: no compilers, non-root, only what warroom runs.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 WARROOM_CONFIG=/config/warroom.yml WARROOM_STORE=sqlite:/data/warroom.db
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
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly (not npm) so SIGTERM reaches warroom and it stops cleanly.
CMD ["node", "--import", "tsx", "bin/warroom.ts"]
