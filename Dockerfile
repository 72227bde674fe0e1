# newsbot in a container: a static binary on a distroless base, run as a
# non-root user, with the data directory on a volume. See bot/README.md,
# "Running under Docker".
#
#   docker build -t newsbot .
#   docker run -d --name newsbot --env-file .env -v newsbot-data:/data -p 3000:3000 newsbot
#
# The Go version follows go.mod (deploy/deploy_test.go checks it).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# timetzdata embeds the time zone database: NEWSBOT_TIMEZONE works on any base.
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata -ldflags="-s -w" -o /out/newsbot ./cmd/newsbot \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsbot /usr/local/bin/newsbot
# A named volume starts with this directory's owner: the non-root user.
COPY --from=build --chown=65532:65532 /out/data /data
ENV NEWSBOT_DATA=/data \
    NEWSBOT_LISTEN=:3000
VOLUME ["/data"]
EXPOSE 3000
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/newsbot"]
CMD ["serve"]
