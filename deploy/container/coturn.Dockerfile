# coturn (Debian's package). Build from the repository's root:
# docker build -f deploy/container/coturn.Dockerfile -t opentalk-coturn .
# Options come as arguments (the compose file and the Helm chart pass --static-auth-secret, the nodes' TurnSecret).
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends coturn \
 && rm -rf /var/lib/apt/lists/*
COPY deploy/coturn/turnserver.conf /etc/turnserver.conf
USER turnserver
EXPOSE 3478/udp 3478/tcp
ENTRYPOINT ["turnserver", "-c", "/etc/turnserver.conf"]
