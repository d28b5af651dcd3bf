# Build stage: compile TypeScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev

# Run stage: only what the server needs. The embedded PostgreSQL is not used here
# (DATABASE_URL points at the postgres service).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The pages (fan scoreboard, scorekeeper console, organiser desk) are served from web/ as they are.
COPY web ./web
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
