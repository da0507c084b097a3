"""The plan panel's keys: each opens a form or makes a change and hands it to the panel to write.

A mixin of `PlanPanel`, kept apart so the panel's reading and showing and its editing each read in
one sitting. Deleting keeps what was deleted so `undo` can bring it back, newest first.
"""

from typing import TYPE_CHECKING

from cs_tui.data.plans import panel_changes as changes
from cs_tui.data.plans.drafts import MilestoneCreate, ObjectiveCreate, SuccessPlanUpdate
from cs_tui.data.plans.panel_data import PlanData
from cs_tui.domain.plans.views import MilestoneView, ObjectiveView
from cs_tui.io.plan_export import label
from cs_tui.screens.plan.forms import ExpectationsForm, PlanStatusDraft, PlanStatusForm
from cs_tui.screens.plan.item_forms import MilestoneForm, ObjectiveForm
from cs_tui.screens.plan.template_picker import TemplateChoice, TemplatePicker
from cs_tui.screens.shell import ShellAccess

Item = ObjectiveView | MilestoneView


if TYPE_CHECKING:
    from textual.widget import Widget

    _Host = Widget
else:  # a plain mixin at run time
    _Host = object


class PlanActions(ShellAccess, _Host):
    """Adding, editing, completing, deleting (and undoing), moving; expectations, status, templates."""

    account_id: str
    data: PlanData | None
    deleted: list[changes.Deleted]

    if TYPE_CHECKING:

        def selected(self) -> Item | None: ...
        def objective_of(self, item: Item) -> ObjectiveView: ...
        def action_keys(self) -> dict[str, str]: ...
        def write(
            self, change: changes.Change, done: str, *, deleted: changes.Deleted | None = None
        ) -> None: ...

    def _default_owner(self) -> str:
        return (self.data.account_owner if self.data else "") or self.cs_app.settings.user

    # -- objectives and milestones ----------------------------------------------------------------

    def action_add_objective(self) -> None:
        form = ObjectiveForm(today=self.cs_app.today(), default_owner=self._default_owner())
        self.app.push_screen(form, self._objective_added)

    def _objective_added(self, data: ObjectiveCreate | None) -> None:
        if data is not None:
            self.write(
                changes.add_objective(self.account_id, data), f"Objective added: {data.title}"
            )

    def action_add_milestone(self) -> None:
        item = self.selected()
        if item is None or self.data is None:
            return
        objective = self.objective_of(item)
        form = MilestoneForm(
            today=self.cs_app.today(), objective_title=objective.title,
            stakeholders=self.data.stakeholders, default_owner=self._default_owner(),
            account_id=self.account_id,
        )  # fmt: skip

        def added(data: MilestoneCreate | None) -> None:
            if data is not None:
                change = changes.add_milestone(objective.id, data)
                self.write(change, f"Milestone added to {objective.title}: {data.title}")

        self.app.push_screen(form, added)

    def action_edit(self) -> None:
        item = self.selected()
        if item is None or self.data is None:
            return
        today = self.cs_app.today()
        if isinstance(item, ObjectiveView):

            def objective_edited(data: ObjectiveCreate | None) -> None:
                if data is not None:
                    self.write(
                        changes.edit_objective(item.id, data), f"Objective saved: {data.title}"
                    )

            form = ObjectiveForm(today=today, objective=item, default_owner=self._default_owner())
            self.app.push_screen(form, objective_edited)
            return

        def milestone_edited(data: MilestoneCreate | None) -> None:
            if data is not None:
                self.write(changes.edit_milestone(item.id, data), f"Milestone saved: {data.title}")

        milestone_form = MilestoneForm(
            today=today, objective_title=self.objective_of(item).title, milestone=item,
            stakeholders=self.data.stakeholders, default_owner=self._default_owner(),
            account_id=self.account_id,
        )  # fmt: skip
        self.app.push_screen(milestone_form, milestone_edited)

    def action_toggle_done(self) -> None:
        item = self.selected()
        if item is None:
            return
        reopening = changes.is_done(item)
        word = (
            "reopened" if reopening else ("achieved" if isinstance(item, ObjectiveView) else "done")
        )
        self.write(changes.toggle_done(item), f"{item.title}: {word}")

    def action_delete(self) -> None:
        item = self.selected()
        if item is None:
            return
        kind = changes.kind_of(item)
        also = ""
        if isinstance(item, ObjectiveView) and item.milestones:
            also = f" with its {len(item.milestones)} milestones"
        undo_key = self.action_keys().get("undo", "u")
        self.write(
            changes.delete(item),
            f"Deleted {kind} “{item.title}”{also}. Press {undo_key} to undo.",
            deleted=changes.Deleted(kind, item.id, item.title),
        )

    def action_undo(self) -> None:
        if not self.deleted:
            self.app.notify("Nothing to undo.", timeout=2)
            return
        last = self.deleted.pop()
        self.write(changes.restore(last), f"Restored {last.kind} “{last.title}”")

    def _siblings(self, item: "Item") -> tuple["Item", ...]:
        if isinstance(item, MilestoneView):
            return self.objective_of(item).milestones
        return self.data.plan.objectives if self.data and self.data.plan else ()

    def action_move(self, offset: int) -> None:
        item = self.selected()
        if item is None:
            return
        where = "up" if offset < 0 else "down"
        siblings = [sibling.id for sibling in self._siblings(item)]
        if not 0 <= siblings.index(item.id) + offset < len(siblings):
            self.app.notify(f"{item.title} is already {'first' if offset < 0 else 'last'}.")
            return
        self.write(changes.move(item, offset), f"Moved {item.title} {where}")

    # -- the plan as a whole ----------------------------------------------------------------------

    def action_expectations(self) -> None:
        if self.data is None:
            return
        form = ExpectationsForm(
            today=self.cs_app.today(), account_name=self.data.account_name,
            plan=self.data.plan, prompts=self.data.prompts,
        )  # fmt: skip
        self.app.push_screen(form, self._expectations_given)

    def _expectations_given(self, update: SuccessPlanUpdate | None) -> None:
        if update is not None:
            self.write(changes.update_plan(self.account_id, update), "Expectations saved")

    def action_status(self) -> None:
        if self.data is None:
            return
        form = PlanStatusForm(
            today=self.cs_app.today(), account_name=self.data.account_name, plan=self.data.plan
        )
        self.app.push_screen(form, self._status_given)

    def _status_given(self, draft: PlanStatusDraft | None) -> None:
        if draft is None:
            return
        fields: dict[str, object] = {"status": draft.status, "review_on": draft.review_on}
        if draft.agreed_on is not None:
            fields["agreed_on"] = draft.agreed_on
        update = SuccessPlanUpdate.model_validate(fields)
        agreed = f" on {draft.agreed_on.isoformat()}" if draft.agreed_on else ""
        self.write(
            changes.update_plan(self.account_id, update), f"Plan {label(draft.status)}{agreed}"
        )

    def action_template(self) -> None:
        if self.data is None:
            return
        picker = TemplatePicker(today=self.cs_app.today(), account_name=self.data.account_name)
        self.app.push_screen(picker, self._template_chosen)

    def _template_chosen(self, choice: TemplateChoice | None) -> None:
        if choice is None or self.data is None:
            return
        before = len(self.data.plan.objectives) if self.data.plan else 0
        change = changes.apply_template(self.account_id, choice.key, choice.start_on, before)
        self.write(change, f"Applied {choice.name} from {choice.start_on.isoformat()}")
