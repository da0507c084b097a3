"""The join's fast paths give exactly what the plain encoders and decoders give."""

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.data.sync.apply import _json, op_from_wire
from cs_tui.domain.sync.clock import Hlc
from cs_tui.io.sync import journal

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()


@given(SCALARS)
def test_a_value_is_stored_as_json_dumps_writes_it(value: object) -> None:
    assert _json(value) == json.dumps(value)
    assert json.loads(_json(value)) == value


@given(st.lists(st.fixed_dictionaries({"t": st.text(), "v": SCALARS}), max_size=30), st.text())
def test_a_journal_reads_back_every_op_in_order(
    tmp_path_factory: pytest.TempPathFactory, ops: list[dict[str, object]], author: str
) -> None:
    folder = tmp_path_factory.mktemp("team")
    seq, path = journal.write(folder, "dev-a", ops, author=author)
    found = journal.read(path)
    assert (found.device, found.seq, found.author) == ("dev-a", seq, author)
    assert list(found.ops) == ops


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda raw: raw.replace(b'"v":2', b'"v":3'), "checksum"),
        (lambda raw: raw.split(b"\n", 2)[0] + b"\n", "truncated"),
        (lambda raw: raw.replace(b'{"t":"b","v":2}', b'{"t":"b","v":2}\n'), "not JSON"),
        (lambda raw: raw.replace(b'{"t":"b","v":2}', b'{"t":"b","v":2},{"x":1}'), "checksum"),
    ],
)
def test_a_damaged_journal_is_refused_whole(tmp_path: Path, damage, message: str) -> None:  # type: ignore[no-untyped-def]
    _seq, path = journal.write(tmp_path, "dev-a", [{"t": "a", "v": 1}, {"t": "b", "v": 2}])
    path.write_bytes(gzip.compress(damage(gzip.decompress(path.read_bytes()))))
    with pytest.raises(journal.DamagedJournalError, match=message):
        journal.read(path)


def test_a_wire_op_decodes_its_clocks_and_text() -> None:
    op = op_from_wire({"t": "account", "r": "r1", "f": "name", "v": "Acme",
                       "c": "0000000001000-000002-dev-a", "b": "", "a": "al"})  # fmt: skip
    assert op.clock == Hlc(1000, 2, "dev-a")
    assert (op.table, op.row, op.field, op.value, op.author, op.base) == (
        "account", "r1", "name", "Acme", "al", None)  # fmt: skip
