# The app: built from pwa/ and served by nginx, which also proxies the API on the same origin.
FROM node:20-slim AS build
WORKDIR /src/pwa
COPY pwa/package.json pwa/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi /src/openapi
COPY pwa /src/pwa
RUN npm run build

FROM nginx:1.27-alpine
# Values for the configuration templates (see deploy/nginx/*.template).
ENV BACKEND_UPSTREAM=backend:8000 \
    API_ORIGIN="" \
    NGINX_LISTEN=80 \
    APP_ROOT=/usr/share/nginx/html \
    NGINX_CONF_DIR=/etc/nginx/conf.d \
    NGINX_LOG_DIR=/var/log/nginx
COPY --from=build /src/pwa/dist /usr/share/nginx/html
# Same-origin API: the app calls /api/ on the address it was loaded from.
COPY deploy/pwa/config.json /usr/share/nginx/html/config.json
COPY deploy/nginx/default.conf.template deploy/nginx/app-headers.inc.template /etc/nginx/templates/
EXPOSE 80
