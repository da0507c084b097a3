"""The success-plan editor: one account's plan, shown and edited from the keyboard.

Used as the "Plan" tab of Account 360 and, full size, by `PlanScreen`. The header says where the
plan stands; below come the customer's expectations and a cursor over objectives and their
milestones. Every read and write runs in a thread worker through `data/`; after a write the plan
is read again, the account's row in the list is refreshed and `PlanPanel.Changed` is posted.
"""

import threading
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from cs_tui.data.plans import panel_changes as changes
from cs_tui.data.plans.panel_data import PlanData, read_plan_data
from cs_tui.data.store.errors import StoreError
from cs_tui.domain.plans.views import MilestoneView, ObjectiveView, PlanView
from cs_tui.screens.plan.panel_actions import PlanActions
from cs_tui.widgets import plan_render as render
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

ITEM_ACTIONS = {"add_milestone", "edit", "toggle_done", "delete", "move"}


class PlanPanel(PlanActions, ReportsWorkerFailures, Vertical):
    """One account's success plan: `n` objective, `m` milestone, `e` edit, `d` or `x` done, `delete` deletes,
    `u` undo, `K`/`J` move, `w` expectations, `p` status, `T` template."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add_objective", "Objective", id="plan.add_objective",
                tooltip="Add an objective at the end of the plan"),
        Binding("m", "add_milestone", "Milestone", id="plan.add_milestone",
                tooltip="Add a milestone under the selected objective"),
        Binding("e", "edit", "Edit", id="plan.edit", tooltip="Edit the selected item (or enter)"),
        Binding("d,x", "toggle_done", "Done", id="plan.toggle_done",
                tooltip="Complete the selected item, or reopen it"),
        Binding("delete", "delete", "Delete", id="plan.delete",
                tooltip="Delete the selected item (u undoes)"),
        Binding("u", "undo", "Undo", id="plan.undo", show=False,
                tooltip="Restore the last deleted item"),
        Binding("K,shift+up", "move(-1)", "Move up", id="plan.move_up", show=False),
        Binding("J,shift+down", "move(1)", "Move down", id="plan.move_down", show=False),
        Binding("w", "expectations", "Expectations", id="plan.expectations",
                tooltip="The customer's expectations, in their words, and the actions"),
        Binding("p", "status", "Status", id="plan.status",
                tooltip="Draft, agreed (with the day), active, achieved, abandoned"),
        Binding("T", "template", "Template", id="plan.template",
                tooltip="Apply a plan template from a start day"),
    ]  # fmt: skip

    @dataclass
    class Loaded(Message):
        """The panel shows the account's plan as just read (`plan` None: it has none)."""

        account_id: str
        account_name: str
        plan: PlanView | None

    @dataclass
    class Changed(Message):
        """The user changed the account's plan (its status, progress and score may follow)."""

        account_id: str

    def __init__(
        self,
        account_id: str,
        *,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - the name Textual widgets use
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.account_id = account_id
        self.data: PlanData | None = None
        self.deleted: list[changes.Deleted] = []
        self._items: dict[str, ObjectiveView | MilestoneView] = {}
        self._parents: dict[str, ObjectiveView] = {}
        self._lock = threading.Lock()

    def compose(self) -> ComposeResult:
        yield Static("Loading the plan…", id="plan-header")
        yield Static("", id="plan-expectations")
        yield Static("", id="plan-hint")
        yield OptionList(id="plan-items")

    def on_mount(self) -> None:
        self.reload()

    def focus(self, scroll_visible: bool = True) -> "PlanPanel":
        """Focus the cursor over objectives and milestones (where the panel's keys apply)."""
        self.query_one("#plan-items", OptionList).focus(scroll_visible)
        return self

    # -- reading ----------------------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, exclusive=True, group="plan-read")
    def reload(self, select: str | None = None) -> None:
        """Read the plan again and show it; the cursor goes to `select` when given."""
        db = self.cs_app.store.get()
        with self._lock:  # shown in the order read, never older over newer
            self.app.call_from_thread(self._show, read_plan_data(db, self.account_id), select)

    def _show(self, data: PlanData, select: str | None = None) -> None:
        if not self.is_attached:  # closed while the plan was being read
            return
        self.data = data
        plan = data.plan
        keys = self.action_keys()
        self.set_class(plan is None, "-no-plan")
        self.query_one("#plan-header", Static).update(render.header(plan))
        self.query_one("#plan-expectations", Static).update(
            render.expectations(plan) if plan else ""
        )
        hint: Text | str = ""
        if plan is None:
            hint = render.empty_state(data.account_name, keys)
        elif not plan.objectives:
            hint = render.no_objectives(keys)
        self.query_one("#plan-hint", Static).update(hint)
        self.query_one("#plan-hint", Static).display = bool(hint)
        self._fill_items(plan, select)
        self.refresh_bindings()
        self.post_message(self.Loaded(data.account_id, data.account_name, plan))

    def _fill_items(self, plan: PlanView | None, select: str | None) -> None:
        listing = self.query_one("#plan-items", OptionList)
        previous = listing.highlighted
        self._items.clear()
        self._parents.clear()
        options: list[Option | None] = []
        today = self.cs_app.today()
        for index, objective in enumerate(plan.objectives if plan else (), start=1):
            if options:
                options.append(None)
            self._items[objective.id] = objective
            options.append(Option(render.objective_prompt(objective, str(index)), objective.id))
            for sub, milestone in enumerate(objective.milestones, start=1):
                self._items[milestone.id] = milestone
                self._parents[milestone.id] = objective
                prompt = render.milestone_prompt(milestone, f"{index}.{sub}", today)
                options.append(Option(prompt, milestone.id))
        listing.clear_options()
        listing.add_options(options)
        listing.set_class(not self._items, "-empty")
        if not self._items:
            return
        if select in self._items:
            listing.highlighted = listing.get_option_index(select)
        else:
            listing.highlighted = min(previous or 0, listing.option_count - 1)

    def selected(self) -> ObjectiveView | MilestoneView | None:
        """The objective or milestone under the cursor."""
        option = self.query_one("#plan-items", OptionList).highlighted_option
        return self._items.get(option.id) if option and option.id else None

    def objective_of(self, item: ObjectiveView | MilestoneView) -> ObjectiveView:
        return item if isinstance(item, ObjectiveView) else self._parents[item.id]

    @on(OptionList.OptionHighlighted, "#plan-items")
    def _highlight_moved(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#plan-items")
    def _item_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.data is None:
            return None
        if action in ITEM_ACTIONS and self.selected() is None:
            return None
        if action == "undo" and not self.deleted:
            return None
        return True

    def action_keys(self) -> dict[str, str]:
        """Each of the panel's actions and the key that runs it now (users may remap keys)."""
        keys: dict[str, str] = {}
        remapped = self._bindings.copy()
        remapped.apply_keymap(self.app._keymap)  # the [keymap] Textual applies (no public getter)
        for bindings in remapped.key_to_bindings.values():
            for binding in bindings:
                keys.setdefault(binding.action.split("(")[0], self.app.get_key_display(binding))
        return keys

    # -- writing ----------------------------------------------------------------------------------

    def write(
        self, change: changes.Change, done: str, *, deleted: changes.Deleted | None = None
    ) -> None:
        """Run `change` on the store, then show the plan as it now is."""
        self._write(change, done, deleted)

    @work(thread=True, exit_on_error=False, group="plan-write")
    def _write(self, change: changes.Change, done: str, deleted: changes.Deleted | None) -> None:
        db = self.cs_app.store.get()
        with self._lock:  # one write at a time, each followed by its own read
            try:
                select = change(db)
            except StoreError as error:
                self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
                return
            data = read_plan_data(db, self.account_id)
            self.app.call_from_thread(self._written, data, select, done, deleted)

    def _written(
        self, data: PlanData, select: str | None, done: str, deleted: changes.Deleted | None
    ) -> None:
        self.cs_app.accounts_changed([data.account_id])
        if deleted is not None:
            self.deleted.append(deleted)
        self.notify(done, timeout=6 if deleted else 3)
        if self.is_attached:
            self._show(data, select)
            self.post_message(self.Changed(data.account_id))
