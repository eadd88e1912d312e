"""The evidence engine: where a project really is on the staircase of interaction.

- `record`: reads one project's record in a fixed number of queries, only what counts as
  evidence (copro/core/provenance.py).
- `signals`: measures read from the record (who was there when, who decided, what was answered).
- `rules`: the documented rule set that turns signals into a step (thresholds in `thresholds`).
- `faux`: faux-production warnings, each quoting the guidance's "is not" statement.
- `placement`: `project_evidence(project=...)` and `placement_refresh(project=...)`.
- `scorecard`: the four principles for one project, and the highest step each allows.
- `confidence`: enough evidence to judge, or "not enough evidence yet" and what is missing.
- `provenance`: how the evidence about experts by experience was entered (one query).
- `replacing`: placing every project again when the rules version changes.

docs/decisions/0006-staircase-rules.md and 0024-evidence-rules-v2.md explain the choices.
"""
