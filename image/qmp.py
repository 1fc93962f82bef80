#!/usr/bin/env python3
"""Minimal QMP client for image/test-boot: `qmp.py SOCKET screendump FILE` or `qmp.py SOCKET quit`."""
import json
import socket
import sys


def command(sock_file, sock, name, arguments=None):
    message = {"execute": name}
    if arguments:
        message["arguments"] = arguments
    sock.sendall((json.dumps(message) + "\n").encode())
    while True:
        reply = json.loads(sock_file.readline())
        if "return" in reply or "error" in reply:
            return reply


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
    else:
        raise SystemExit(f"unknown verb {verb}")
    if "error" in reply:
        raise SystemExit(f"qmp {verb}: {reply['error']}")


if __name__ == "__main__":
    main()
