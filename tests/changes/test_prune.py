"""`manage.py prune_changes`: drops old entries, advances the watermark, never leaves a gap."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from changes.feed import watermark
from changes.models import Change, FeedWatermark
from tests.factories import ContactPointFactory


def age(seqs, days):
    Change.objects.filter(seq__in=seqs).update(at=timezone.now() - timedelta(days=days))


def test_prunes_entries_older_than_the_retention_and_advances_the_watermark(org_a, settings):
    old = [ContactPointFactory(organization=org_a) for _ in range(3)]
    old_seqs = list(Change.objects.values_list("seq", flat=True))
    age(old_seqs, 100)
    recent = ContactPointFactory(organization=org_a)
    out = StringIO()
    call_command("prune_changes", stdout=out)  # CHANGE_RETENTION_DAYS defaults to 90
    assert not Change.objects.filter(seq__in=old_seqs).exists()
    assert Change.objects.filter(object_id=str(recent.pk)).exists()
    assert watermark() == max(old_seqs)
    assert f"Deleted {len(old_seqs)} change(s)" in out.getvalue()
    assert len(old) == 3


def test_days_option_and_dry_run(org_a):
    ContactPointFactory(organization=org_a)
    seqs = list(Change.objects.values_list("seq", flat=True))
    age(seqs, 10)
    out = StringIO()
    call_command("prune_changes", days=30, stdout=out)
    assert Change.objects.count() == len(seqs) and watermark() == 0
    call_command("prune_changes", days=5, dry_run=True, stdout=out)
    assert Change.objects.count() == len(seqs) and watermark() == 0
    assert f"Would delete {len(seqs)}" in out.getvalue()
    call_command("prune_changes", days=5, stdout=out)
    assert Change.objects.count() == 0 and watermark() == max(seqs)


def test_prunes_a_contiguous_prefix_even_if_clocks_disagree(org_a):
    """An entry with an old timestamp after a recent one still takes everything before it."""
    ContactPointFactory(organization=org_a)
    ContactPointFactory(organization=org_a)
    seqs = list(Change.objects.order_by("seq").values_list("seq", flat=True))
    age(seqs[-1:], 100)
    call_command("prune_changes", days=1, stdout=StringIO())
    assert Change.objects.count() == 0 and watermark() == seqs[-1]


def test_the_watermark_never_moves_back(org_a):
    ContactPointFactory(organization=org_a)
    FeedWatermark.objects.filter(pk=1).update(pruned_through=10**9)
    call_command("prune_changes", days=0, stdout=StringIO())
    assert watermark() == 10**9


def test_negative_days_is_an_error(db):
    with pytest.raises(CommandError):
        call_command("prune_changes", days=-1)
