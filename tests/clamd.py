"""A stand-in for ClamAV's clamd on a UNIX socket, for the FILE-7 virus tests of every upload."""

import socket
import threading


class FakeClamd:
    """A clamd on a UNIX socket that answers FOUND for the EICAR string and OK otherwise."""

    def __init__(self, path):
        self.path = str(path)
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(4)
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                data = b""
                while not data.endswith(b"\0\0\0\0"):
                    part = conn.recv(65536)
                    if not part:
                        break
                    data += part
                found = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE" in data
                conn.sendall(b"stream: Eicar-Signature FOUND\0" if found else b"stream: OK\0")

    def close(self):
        self.server.close()
