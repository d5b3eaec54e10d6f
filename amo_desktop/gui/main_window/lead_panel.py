"""Create a test lead (name, price, pipeline, status) and move it to another status."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from amo_desktop.core.models import CreatedLead, Pipeline
from amo_desktop.gui.language import fill
from amo_desktop.gui.widgets.data_label import mark_as_data


class LeadPanel(QGroupBox):
    """Pickers filled from the account's pipelines.

    Signals:
        pipelinesRequested(): load the pipelines (on first show and on "Reload").
        createRequested(str, int, object, object): name, price, pipeline id, status id.
        statusChangeRequested(int, int, object): lead id, status id, pipeline id.
        openRequested(str): open the new lead in the browser.
    """

    pipelinesRequested = Signal()
    createRequested = Signal(str, int, object, object)
    statusChangeRequested = Signal(int, int, object)
    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadPanel")
        self._pipelines: list[Pipeline] = []
        self._lead: CreatedLead | None = None
        self._moved_to = ""
        self.name_label = QLabel(self)
        self.name_input = QLineEdit(self)
        self.name_input.setObjectName("leadNameInput")
        self.price_label = QLabel(self)
        self.price_input = QSpinBox(self)
        self.price_input.setObjectName("leadPriceInput")
        self.price_input.setRange(0, 1_000_000_000)
        self.pipeline_label = QLabel(self)
        self.pipeline_picker = QComboBox(self)
        self.pipeline_picker.setObjectName("pipelinePicker")
        mark_as_data(self.pipeline_picker)
        self.pipeline_picker.currentIndexChanged.connect(self._fill_statuses)
        self.reload_button = QPushButton(self)
        self.reload_button.setObjectName("reloadPipelinesButton")
        self.reload_button.clicked.connect(self.pipelinesRequested)
        pipeline_row = QHBoxLayout()
        pipeline_row.addWidget(self.pipeline_picker, 1)
        pipeline_row.addWidget(self.reload_button)
        self.status_label = QLabel(self)
        self.status_picker = QComboBox(self)
        self.status_picker.setObjectName("statusPicker")
        mark_as_data(self.status_picker)
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("createLeadButton")
        self.create_button.clicked.connect(self._create_clicked)
        self.created_label = QLabel(self)
        self.created_label.setObjectName("createdLeadId")
        self.created_label.setWordWrap(True)
        self.open_lead_button = QPushButton(self)
        self.open_lead_button.setObjectName("openLeadButton")
        self.open_lead_button.clicked.connect(self._open_clicked)
        created_row = QHBoxLayout()
        created_row.addWidget(self.created_label, 1)
        created_row.addWidget(self.open_lead_button)
        self.move_label = QLabel(self)
        self.move_picker = QComboBox(self)
        self.move_picker.setObjectName("leadStatusPicker")
        mark_as_data(self.move_picker)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("changeLeadStatusButton")
        self.move_button.clicked.connect(self._move_clicked)
        move_row = QHBoxLayout()
        move_row.addWidget(self.move_picker, 1)
        move_row.addWidget(self.move_button)
        self.move_result = QLabel(self)
        self.move_result.setObjectName("leadStatusResult")
        self.move_result.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.name_label, self.name_input)
        form.addRow(self.price_label, self.price_input)
        form.addRow(self.pipeline_label, pipeline_row)
        form.addRow(self.status_label, self.status_picker)
        form.addRow(self.create_button)
        form.addRow(created_row)
        form.addRow(self.move_label, move_row)
        form.addRow(self.move_result)
        self._show_lead_controls(False)
        self.retranslate_ui()

    def show_pipelines(self, pipelines: list[Pipeline]) -> None:
        self._pipelines = list(pipelines)
        self.pipeline_picker.clear()
        main_index = 0
        for index, pipeline in enumerate(self._pipelines):
            self.pipeline_picker.addItem(pipeline.name, pipeline.id)
            if pipeline.is_main:
                main_index = index
        self.pipeline_picker.setCurrentIndex(main_index)
        self.create_button.setEnabled(bool(self._pipelines))

    def clear(self) -> None:
        """Forget the account's pipelines and the lead made in it (the profile switched);
        creating waits for the new account's pipelines."""
        self._lead = None
        self._moved_to = ""
        self.show_pipelines([])
        self.move_picker.clear()
        self.created_label.setText("")
        self._show_lead_controls(False)
        self._render_results()

    def show_created(self, lead: CreatedLead) -> None:
        self._lead = lead
        self._moved_to = ""
        self._fill_move_picker()
        self._show_lead_controls(True)
        self._render_results()

    def show_moved(self, lead_id: int, status_id: int) -> None:
        pipeline = self._pipeline_of_lead()
        names = {s.id: s.name for s in pipeline.statuses} if pipeline else {}
        self._moved_to = names.get(status_id, str(status_id))
        self._render_results()

    def clear_move_result(self) -> None:
        """Forget "moved to …": a new move is on its way and supersedes it."""
        self._moved_to = ""
        self._render_results()

    def set_enabled_actions(self, enabled: bool) -> None:
        for button in (self.create_button, self.move_button, self.reload_button):
            button.setEnabled(
                enabled and (button is not self.create_button or bool(self._pipelines))
            )

    def _selected_pipeline(self) -> Pipeline | None:
        index = self.pipeline_picker.currentIndex()
        return self._pipelines[index] if 0 <= index < len(self._pipelines) else None

    def _pipeline_of_lead(self) -> Pipeline | None:
        if self._lead is None:
            return None
        return next((p for p in self._pipelines if p.id == self._lead.pipeline_id), None)

    def _fill_statuses(self) -> None:
        self.status_picker.clear()
        pipeline = self._selected_pipeline()
        if pipeline is None:
            return
        for status in sorted(pipeline.statuses, key=lambda s: s.sort):
            if status.type == 0:
                self.status_picker.addItem(status.name, status.id)
        first = pipeline.first_regular_status()
        if first is not None:
            self.status_picker.setCurrentIndex(self.status_picker.findData(first.id))

    def _fill_move_picker(self) -> None:
        self.move_picker.clear()
        pipeline = self._pipeline_of_lead()
        if pipeline is None or self._lead is None:
            return
        for status in sorted(pipeline.statuses, key=lambda s: s.sort):
            if status.type == 0 and status.id != self._lead.status_id:
                self.move_picker.addItem(status.name, status.id)

    def _create_clicked(self) -> None:
        pipeline = self._selected_pipeline()
        self.createRequested.emit(
            self.name_input.text().strip(),
            self.price_input.value(),
            pipeline.id if pipeline else None,
            self.status_picker.currentData(),
        )

    def _move_clicked(self) -> None:
        if self._lead is None or self.move_picker.currentData() is None:
            return
        self.statusChangeRequested.emit(
            self._lead.id, self.move_picker.currentData(), self._lead.pipeline_id
        )

    def _open_clicked(self) -> None:
        if self._lead is not None:
            self.openRequested.emit(self._lead.url)

    def _show_lead_controls(self, shown: bool) -> None:
        for widget in (
            self.created_label,
            self.open_lead_button,
            self.move_label,
            self.move_picker,
            self.move_button,
            self.move_result,
        ):
            widget.setVisible(shown)

    def _render_results(self) -> None:
        if self._lead is not None:
            self.created_label.setText(fill(self.tr("✓ Lead %1 created."), self._lead.id))
        self.move_result.setText(
            fill(self.tr("✓ Moved to “%1”."), self._moved_to) if self._moved_to else ""
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Create a test lead"))
        self.name_label.setText(self.tr("Name:"))
        self.name_input.setPlaceholderText(self.tr("Test lead from amo-desktop"))
        self.name_input.setAccessibleName(self.tr("Lead name"))
        self.price_label.setText(self.tr("Price:"))
        self.price_input.setAccessibleName(self.tr("Price"))
        self.pipeline_label.setText(self.tr("Pipeline:"))
        self.pipeline_picker.setAccessibleName(self.tr("Pipeline"))
        self.reload_button.setText(self.tr("Reload"))
        self.status_label.setText(self.tr("Status:"))
        self.status_picker.setAccessibleName(self.tr("Status"))
        self.create_button.setText(self.tr("Create test lead"))
        self.open_lead_button.setText(self.tr("Open the lead"))
        self.move_label.setText(self.tr("Move it to:"))
        self.move_picker.setAccessibleName(self.tr("New status"))
        self.move_button.setText(self.tr("Change status"))
        self._render_results()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
