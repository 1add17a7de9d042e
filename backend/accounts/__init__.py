"""Users, memberships, invitations and revocable JWT sessions."""
