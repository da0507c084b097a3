"""Success-plan templates: TOML files shipped with the package and the user's own.

User templates live in `locations.user_templates_dir()`; one with the same file name as a shipped
template replaces it. A file that is not valid is refused with a message naming the file and the
field, and never half-applied. The file format (every key but `name` and the titles is optional):

    name = "Onboarding"
    description = "First 90 days"
    review_days = 30                       # first review of the plan, days after the start
    actions = "How we get there ..."       # from expectations to actions

    [expectations]                         # prompts for the customer's own words
    why_bought = "What made you choose us?"
    pain_points = "What is hard today?"
    success = "What would success look like in 90 days?"

    [[objectives]]
    title = "Team live on the product"
    metric = "active_users"                # a metric name as imported (lower_snake_case)
    unit = "users"
    baseline = 0                           # else: the metric's latest value at the start
    target = 50                            # or target_change = 0.5 (+50% on the baseline)
    due_days = 90
    hint = "Target: the seats bought"

      [[objectives.milestones]]
      title = "Kick-off call"
      side = "ours"                        # "ours" or "customer"
      owner = ""                           # ours: a team member (default: the account's CSM)
      owner_role = "champion"              # customer: pick the stakeholder with this role
      due_days = 7
"""

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    FiniteFloat,
    StringConstraints,
    ValidationError,
    model_validator,
)

from cs_tui import locations
from cs_tui.domain.enums import StakeholderRole
from cs_tui.domain.plans.template import PlanTemplate, TemplateMilestone, TemplateObjective
from cs_tui.models.signals import MetricName
from cs_tui.models.validation import field_label

SHIPPED_DIR = ("templates", "plans")
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Days = Annotated[int, Field(ge=0, le=3650)]


class TemplateError(ValueError):
    """A template that cannot be found or read; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Milestone(_Strict):
    title: Title
    side: Literal["ours", "customer"] = "ours"
    due_days: Days
    owner: Short = ""
    owner_role: StakeholderRole | None = None

    @model_validator(mode="after")
    def _role_on_customer_side(self) -> Self:
        if self.owner_role is not None and self.side != "customer":
            raise ValueError('owner_role picks a customer contact; set side = "customer"')
        return self


class _Objective(_Strict):
    title: Title
    due_days: Days
    metric: MetricName | Literal[""] = ""
    unit: Short = ""
    baseline: FiniteFloat | None = None
    target: FiniteFloat | None = None
    target_change: FiniteFloat | None = Field(default=None, gt=-1, le=100)
    hint: Text = ""
    milestones: tuple[_Milestone, ...] = ()

    @model_validator(mode="after")
    def _one_target(self) -> Self:
        if self.target is not None and self.target_change is not None:
            raise ValueError("give target or target_change, not both")
        if self.target is not None and self.baseline is not None and self.target == self.baseline:
            raise ValueError("target equals baseline: the objective would measure no change")
        return self


class _Expectations(_Strict):
    why_bought: Text = ""
    pain_points: Text = ""
    success: Text = ""


class _TemplateFile(_Strict):
    name: Title
    description: Text = ""
    review_days: Days | None = None
    actions: Text = ""
    expectations: _Expectations = _Expectations()
    objectives: tuple[_Objective, ...] = Field(min_length=1)


def _as_template(key: str, parsed: _TemplateFile, source: str) -> PlanTemplate:
    return PlanTemplate(
        key=key,
        name=parsed.name,
        description=parsed.description,
        why_bought_prompt=parsed.expectations.why_bought,
        pain_points_prompt=parsed.expectations.pain_points,
        success_prompt=parsed.expectations.success,
        actions=parsed.actions,
        review_days=parsed.review_days,
        source=source,
        objectives=tuple(
            TemplateObjective(
                title=o.title, due_days=o.due_days, metric=o.metric, unit=o.unit,
                baseline=o.baseline, target=o.target, target_change=o.target_change, hint=o.hint,
                milestones=tuple(
                    TemplateMilestone(
                        title=m.title, side=m.side, due_days=m.due_days, owner=m.owner,
                        owner_role=m.owner_role.value if m.owner_role else "",
                    )
                    for m in o.milestones
                ),
            )
            for o in parsed.objectives
        ),
    )  # fmt: skip


def parse_template(text: str, *, key: str, source: str) -> PlanTemplate:
    """A template from TOML text; `TemplateError` names `source` and each wrong field."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"{source}: not valid TOML ({error})") from error
    try:
        parsed = _TemplateFile.model_validate(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{field_label(e['loc']) or 'template'}: {str(e['msg']).removeprefix('Value error, ')}"
            for e in error.errors()
        )
        raise TemplateError(f"{source}: {problems}") from error
    return _as_template(key, parsed, source)


def read_template_file(path: Path, *, source: str | None = None) -> PlanTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"{path}: cannot be read ({error})") from error
    return parse_template(text, key=path.stem, source=source or str(path))


@dataclass(frozen=True)
class TemplateCatalog:
    """Every template that can be applied, by key, and the files that were refused."""

    templates: dict[str, PlanTemplate] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def _shipped_files() -> list[tuple[str, str]]:
    folder = resources.files("cs_tui").joinpath(*SHIPPED_DIR)
    return sorted(
        (entry.name.removesuffix(".toml"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )


def load_catalog(user_dir: Path | None = None) -> TemplateCatalog:
    templates: dict[str, PlanTemplate] = {}
    problems: list[str] = []
    for key, text in _shipped_files():
        templates[key] = parse_template(text, key=key, source="shipped")
    folder = user_dir or locations.user_templates_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                templates[path.stem] = read_template_file(path)
            except TemplateError as error:
                problems.append(str(error))
    return TemplateCatalog(dict(sorted(templates.items())), tuple(problems))


def load_template(name: str, user_dir: Path | None = None) -> PlanTemplate:
    """A template by key ("onboarding"), or from a .toml file path; refused files raise."""
    as_path = Path(name).expanduser()
    if name.endswith(".toml") and as_path.is_file():
        return read_template_file(as_path)
    folder = user_dir or locations.user_templates_dir()
    user_file = folder / f"{name}.toml"
    if user_file.is_file():
        return read_template_file(user_file)
    catalog = load_catalog(folder)
    if name in catalog.templates:
        return catalog.templates[name]
    known = ", ".join(catalog.templates) or "none"
    raise TemplateError(f"no plan template named {name!r} (templates: {known})")
