"""`manage.py backup FILE`: the database and the uploaded files in one archive (core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one archive, restorable with `restore`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive to write (a .tar file).")
        parser.add_argument(
            "--no-media", action="store_true", help="The database only (uploads are backed up elsewhere)."
        )

    def handle(self, *args, file: Path, no_media: bool, **options):
        try:
            manifest = write_backup(file, media=not no_media)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        media = "with the uploads" if manifest["media"] else "without the uploads"
        self.stdout.write(f"Wrote {file} ({manifest['engine']}, {media}).")
