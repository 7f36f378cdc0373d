# Janus (Debian's package) with OpenTalk's configuration. Build from the repository's root:
# docker build -f deploy/container/janus.Dockerfile -t opentalk-janus .
# Settings as deploy/systemd/janus.env: JANUS_API_SECRET (required), JANUS_WS_PORT, JANUS_ICE_INTERFACE,
# JANUS_RTP_RANGE (publish it over UDP), JANUS_NAT_1_1 (the host's public address: browsers send media there).
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends janus curl \
 && rm -rf /var/lib/apt/lists/*
COPY deploy/janus/ /opt/opentalk/deploy/janus/
COPY deploy/scripts/janus.sh /opt/opentalk/deploy/scripts/janus.sh
# Debian's package creates no user for Janus.
RUN useradd --system --uid 10002 --home-dir /var/lib/opentalk-janus --shell /usr/sbin/nologin janus \
 && mkdir -p /var/lib/opentalk-janus && chown janus:janus /var/lib/opentalk-janus
USER janus
ENV JANUS_WS_IP=0.0.0.0 JANUS_WS_PORT=8188 JANUS_ICE_INTERFACE=eth0 JANUS_RTP_RANGE=20000-20199
EXPOSE 8188
STOPSIGNAL SIGTERM
# Janus logs to a file in its run folder; tail it to the container's output.
CMD ["/bin/sh", "-c", ": \"${JANUS_API_SECRET:?set JANUS_API_SECRET}\" && /opt/opentalk/deploy/scripts/janus.sh configure /var/lib/opentalk-janus \"$JANUS_WS_IP\" \"$JANUS_WS_PORT\" \"$JANUS_ICE_INTERFACE\" \"$JANUS_API_SECRET\" && exec janus -F /var/lib/opentalk-janus -C /var/lib/opentalk-janus/janus.jcfg"]
