#!/usr/bin/env python3
"""Minimal QMP client for image/test-boot.

  qmp.py SOCKET screendump FILE
  qmp.py SOCKET quit
  qmp.py SOCKET plug-stick ID FILE      a read-only raw disk FILE as USB stick ID (on bus xhci.0)
  qmp.py SOCKET unplug-stick ID         pulls stick ID out (device and its block node)
"""
import json
import socket
import sys
import time


EVENTS = []  # events read while waiting for a command's reply


def command(sock_file, sock, name, arguments=None):
    message = {"execute": name}
    if arguments:
        message["arguments"] = arguments
    sock.sendall((json.dumps(message) + "\n").encode())
    while True:
        reply = json.loads(sock_file.readline())
        if "return" in reply or "error" in reply:
            return reply
        if "event" in reply:
            EVENTS.append(reply)


def wait_event(sock_file, name, device, seconds):
    """Reads events until NAME for DEVICE arrives (True) or SECONDS pass (False)."""
    def matches(event):
        return event.get("event") == name and event.get("data", {}).get("device") == device
    if any(matches(event) for event in EVENTS):
        return True
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = sock_file.readline()
        if not line:
            return False
        event = json.loads(line)
        if matches(event):
            return True
    return False


def main():
    path, verb = sys.argv[1], sys.argv[2]
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(30)
    sock.connect(path)
    sock_file = sock.makefile("r")
    json.loads(sock_file.readline())  # greeting
    command(sock_file, sock, "qmp_capabilities")
    if verb == "screendump":
        reply = command(sock_file, sock, "screendump", {"filename": sys.argv[3]})
    elif verb == "quit":
        reply = command(sock_file, sock, "quit")
    elif verb == "plug-stick":
        stick_id, image = sys.argv[3], sys.argv[4]
        reply = command(sock_file, sock, "blockdev-add", {
            "node-name": stick_id, "driver": "raw", "read-only": True,
            "file": {"driver": "file", "filename": image, "read-only": True}})
        if "error" not in reply:
            reply = command(sock_file, sock, "device_add", {
                "driver": "usb-storage", "bus": "xhci.0", "drive": stick_id, "id": stick_id,
                "removable": True})
    elif verb == "unplug-stick":
        stick_id = sys.argv[3]
        reply = command(sock_file, sock, "device_del", {"id": stick_id})
        # The guest lets go of a USB device at once; the block node can go only after that.
        if "error" not in reply and not wait_event(sock_file, "DEVICE_DELETED", stick_id, 30):
            raise SystemExit(f"qmp unplug-stick: {stick_id} was not released in 30 s")
        if "error" not in reply:
            reply = command(sock_file, sock, "blockdev-del", {"node-name": stick_id})
    else:
        raise SystemExit(f"unknown verb {verb}")
    if "error" in reply:
        raise SystemExit(f"qmp {verb}: {reply['error']}")


if __name__ == "__main__":
    main()
