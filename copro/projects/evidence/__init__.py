"""The evidence engine: where a project really is on the staircase of interaction.

- `signals`: measures read from the record (who was there when, who decided, what was answered).
- `rules`: the documented rule set that turns signals into a step (thresholds in `thresholds`).
- `faux`: faux-production warnings, each quoting the guidance's "is not" statement.
- `placement`: `project_evidence(project=...)` and `placement_refresh(project=...)`.
- `scorecard`: the four principles for one project.

docs/decisions/0006-staircase-rules.md explains the choices.
"""
