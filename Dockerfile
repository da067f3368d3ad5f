# The allygraph API (and, with another command, the loader) for users who run Docker.
FROM python:3.11-slim AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY allygraph ./allygraph
COPY service ./service
COPY loaders ./loaders
COPY cypher ./cypher
RUN pip install .
COPY data ./data
ENV DATA_DIR=/app/data REGISTRY_PATH=/app/data/registry.yaml OVERRIDES_DIR=/app/data/overrides \
    API_HOST=0.0.0.0 API_PORT=8000
EXPOSE 8000
USER nobody
CMD ["allygraph", "serve"]
