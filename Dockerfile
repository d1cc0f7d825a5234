# Readyboard image: the Next standalone server plus the migration runner, as a non-root user.
# Build: docker build -t readyboard .   Run: see docker-compose.yml (DATABASE_URL is required).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# prisma generate needs a schema-engine path but never runs it (see docs/architecture.md).
ENV PRISMA_SCHEMA_ENGINE_BINARY=/bin/false NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN READYBOARD_STANDALONE=1 npx next build

# Production dependencies for the migration runner (bin/readyboard.mjs db migrate).
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
ENV PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system readyboard && useradd --system --gid readyboard --home /app readyboard
# The web server.
COPY --from=build --chown=readyboard:readyboard /app/.next/standalone ./
COPY --from=build --chown=readyboard:readyboard /app/.next/static ./.next/static
COPY --from=build --chown=readyboard:readyboard /app/public ./public
# The migration runner, kept apart so the server's trimmed node_modules stays as Next traced it.
COPY --from=prod-deps --chown=readyboard:readyboard /app/node_modules ./ops/node_modules
COPY --chown=readyboard:readyboard package.json tsconfig.json prisma.config.ts ./ops/
COPY --chown=readyboard:readyboard bin ./ops/bin
COPY --chown=readyboard:readyboard cli ./ops/cli
COPY --chown=readyboard:readyboard lib ./ops/lib
COPY --chown=readyboard:readyboard prisma ./ops/prisma
COPY --from=build --chown=readyboard:readyboard /app/lib/generated ./ops/lib/generated
COPY --chown=readyboard:readyboard docker-entrypoint.sh ./
USER readyboard
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["./docker-entrypoint.sh"]
