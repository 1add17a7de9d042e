"""`manage.py restore FILE`: replace the database and the uploads with a backup's (core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup written by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="An archive written by `manage.py backup`.")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, file: Path, interactive: bool, **options):
        if not file.is_file():
            raise CommandError(f"{file} does not exist.")
        question = "Everything in the database and the uploads is replaced. Type 'yes' to go on: "
        if interactive and input(question) != "yes":
            raise CommandError("Nothing was restored.")
        try:
            manifest = restore_backup(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored the backup of {manifest['created']}. Run `manage.py migrate` if this version "
            "has migrations it did not have."
        )
