"""The "experience" evidence signal: what experts by experience say in their check-ins, read
beside what the record says (Nordin et al., BMJ Open 2023: outputs, the experience of taking
part, outcomes). Registered with the evidence engine in VoiceConfig.ready(), so the projects
app never imports this one (STYLE.md layering).

Not enough answers to show (fewer than the suppression threshold) is "no data yet", never
"not met": the signal must not single anyone out. When most experts by experience say they
could not change things, or were not heard, the signal is not met, and a project whose record
places it at co-design or co-produce then carries a warning that their answers contradict it.
"""

from copro.core.suppression import suppress_count
from copro.projects.evidence.signals import NO_DATA, Signal
from copro.voice.selectors import checkin_counts, suppression_threshold

NAME = "What experts by experience say"
THRESHOLD = "Most experts by experience who answered say they were heard and could change things"


def _share_not_no(counts: dict, code: str) -> float:
    total = counts["total"]
    return (total - counts[f"{code}__no"]) / total


def experience_signal(record, limits: dict) -> Signal:
    counts = checkin_counts(project=record.project)
    common = {"key": "experience", "name": NAME, "threshold": THRESHOLD, "source": "voice"}
    if counts["total"] < suppression_threshold():
        return Signal(
            **common,
            value=None,
            display=NO_DATA,
            met=None,
            reason="Not enough experts by experience have answered a check-in yet to show "
            "what they say without singling anyone out.",
        )
    change = _share_not_no(counts, "could_change")
    heard = _share_not_no(counts, "heard")
    # The value is the number of answers as it may be shown (rounded to 5), not a share: a
    # share of a handful of answers could give away what one person said (PRIV-6).
    shown = suppress_count(counts["total"], threshold=suppression_threshold())
    met = change >= 0.5 and heard >= 0.5
    if change < 0.5:
        reason = (
            "Most experts by experience who answered say they could not change things. "
            "If the record says power is shared, their answers contradict it."
        )
    elif heard < 0.5:
        reason = (
            "Most experts by experience who answered say they were not heard. "
            "If the record says power is shared, their answers contradict it."
        )
    else:
        reason = (
            "Most experts by experience who answered say they were heard and could change things."
        )
    return Signal(
        **common,
        value=shown.chart_value,
        display=f"About {shown.display} answers: {'most' if met else 'not most'} say they were "
        "heard and could change things",
        met=met,
        reason=reason,
    )
