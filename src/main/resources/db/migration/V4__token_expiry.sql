-- An API token may expire (null: never). A revoked token is deleted; its owner lists the rest.
alter table tokens add column expires_at timestamptz;
create index tokens_owner on tokens (owner_id, created_at);
