"""generator.issue_label: the magazine label 2025·3, read from its printed forms and written one way."""
from __future__ import annotations

import pytest

from generator.issue_label import IssueLabel, read_label


@pytest.mark.parametrize("printed", ["2025·3", "2025.3", "2025．3", "2025/03", "2025-3", "2025年3期", "2025 · 3"])
def test_printed_forms_read_as_one_label(printed):
    assert read_label(printed) == IssueLabel("2025", 3)
    assert str(read_label(printed)) == "2025·3"


@pytest.mark.parametrize("other", ["第12期", "2025", "1899·3", "2025·123", "2025年3期\n", "总第3期"])
def test_other_texts_are_no_label(other):
    assert read_label(other) is None


def test_stored_form_reads_back_as_itself():
    for year, number in (("1999", 1), ("2025", 12), ("2030", 53)):
        assert read_label(str(IssueLabel(year, number))) == (year, number)
