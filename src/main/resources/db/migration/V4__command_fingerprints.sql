-- A command id counts once per sender (the actor label is now part of it, in events and commands
-- alike), and its fingerprint (a hash of the command's name and arguments) tells a resend, which is
-- answered as the first, from the same id reused for another command, which is refused. Null for
-- commands stored before this column: a resend of those is taken as a resend.
ALTER TABLE commands ADD COLUMN fingerprint text;
