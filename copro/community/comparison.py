"""Two or three case studies side by side: a row for the staircase step, one per stage, and one
per key figure. Pure: it reads only the views it is given."""

from dataclasses import dataclass, field

from copro.community.selectors import CaseStudyView
from copro.framework.models import StaircaseStep


@dataclass(frozen=True)
class Cell:
    text: str
    note: str = ""


@dataclass
class Row:
    label: str
    cells: list[Cell] = field(default_factory=list)
    group: str = ""


@dataclass
class Comparison:
    columns: list[CaseStudyView]
    rows: list[Row]


def _step_cell(view: CaseStudyView, top: int) -> Cell:
    step = view.evidence.step
    return Cell(f"Step {step.order} of {top}: {step.name}", view.evidence.rule.reason)


def _stage_cell(view: CaseStudyView, stage: str, text: str) -> Cell:
    began = view.stage_dates.get(stage)
    note = f"Began {began:%-d %B %Y}" if began else ""
    if text:
        return Cell(text, note)
    if began or view.case_study.project.stage == stage:
        return Cell("Not written up yet.", note)
    return Cell("The project did not reach this stage.")


def comparison_table(views: list[CaseStudyView], *, steps: list[StaircaseStep]) -> Comparison:
    top = len(steps)
    rows = [Row("Step on the staircase", [_step_cell(v, top) for v in views], "staircase")]
    for index, (stage, name, _text) in enumerate(views[0].case_study.stage_texts()):
        cells = [_stage_cell(v, stage, v.case_study.stage_texts()[index][2]) for v in views]
        rows.append(Row(name, cells, "stages"))
    names: list[str] = []
    for view in views:
        names.extend(n for n, _d in view.figures if n not in names)
    for name in names:
        cells = [Cell(dict(v.figures).get(name, "No data yet")) for v in views]
        rows.append(Row(name, cells, "figures"))
    return Comparison(columns=views, rows=rows)
