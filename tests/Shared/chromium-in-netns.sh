#!/usr/bin/env bash
# Playwright starts "the browser" through this: Debian's Chromium inside the media network namespace, so its only
# non-loopback interface is the namespace's veth and WebRTC never touches the machine's own address.
exec ip netns exec "${OPENTALK_TEST_NETNS:?}" /usr/bin/chromium "$@"
