"""`copro demo` step for the guidance: make sure the content matches the file."""

from copro.framework.services import framework_load


def load(*, out) -> None:
    counts = framework_load()
    out.write(
        f"Guidance: {counts['created']} created, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged."
    )
