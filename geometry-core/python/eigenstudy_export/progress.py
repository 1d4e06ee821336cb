"""Progress lines on stderr for the long export steps."""
import sys
import time


class Progress:
    def __init__(self, quiet: bool = False):
        self.start = time.time()
        self.quiet = quiet

    def step(self, message: str) -> None:
        if not self.quiet:
            print(f"[{time.time() - self.start:7.1f}s] {message}", file=sys.stderr, flush=True)
