# syntax=docker/dockerfile:1
# One image for both deployables (web and workers); docker-compose.yml picks the command.
ARG NODE_IMAGE=node:20-bookworm-slim
# Must be the exact image spark-master/spark-worker run: the app is the Spark driver (client mode), and PySpark
# refuses executors whose Spark or Python minor version differs from the driver's.
ARG SPARK_IMAGE=apache/spark:4.0.1-scala2.13-java17-python3-ubuntu

FROM ${NODE_IMAGE} AS toolchain
RUN npm install -g pnpm@10 && pnpm --version
# A newer pnpm 10.x than package.json's packageManager must not try to download the pinned one (the runtime is offline).
ENV npm_config_manage_package_manager_versions=false \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app

# `pnpm fetch` needs only the lockfile, so this layer survives source edits and new workspace packages.
FROM toolchain AS deps
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store pnpm fetch

FROM deps AS build
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile --offline
RUN pnpm --filter @spice/web build

FROM ${SPARK_IMAGE} AS runtime
USER root
COPY --from=toolchain /usr/local/bin/node /usr/local/bin/node
COPY --from=toolchain /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/pnpm/bin/pnpm.cjs /usr/local/bin/pnpm \
 && node --version && pnpm --version
ENV NODE_ENV=production \
    npm_config_manage_package_manager_versions=false \
    NEXT_TELEMETRY_DISABLED=1 \
    SPARK_SUBMIT=/opt/spark/bin/spark-submit \
    PYSPARK_PYTHON=python3 \
    SPICE_DATA_DIR=/app/.spice
WORKDIR /app
# 185 is the spark user of the base image.
COPY --from=build --chown=185:185 /app /app
USER 185
# The base image's entrypoint dispatches Spark roles; this image runs pnpm commands instead.
ENTRYPOINT []
EXPOSE 3000
CMD ["pnpm", "--filter", "@spice/web", "start"]
