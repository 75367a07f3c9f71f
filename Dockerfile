# Tramit built from this repository: engine + browser app, running on PostgreSQL (DATABASE_URL).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY engine/package.json engine/
COPY designer/package.json designer/
COPY connectors/ connectors/
RUN npm ci --no-fund --no-audit
COPY . .
RUN npm run build && npm prune --omit=dev --no-fund --no-audit

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/engine/package.json engine/
COPY --from=build /app/engine/dist engine/dist
COPY --from=build /app/designer/dist designer/dist
COPY --from=build /app/connectors connectors
COPY definitions definitions
COPY schemas schemas
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A larger young generation: fewer, shorter scavenges under request load (see README, Operating).
CMD ["node", "--max-semi-space-size=32", "engine/dist/engine/src/server/main.js"]
