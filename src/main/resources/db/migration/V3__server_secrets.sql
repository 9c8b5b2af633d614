-- Secrets shared by every instance on this database, made once by the database itself.
-- owner-cookie: the HMAC key that signs anonymous owner cookies (service/identity/OwnerCookie), so only ids this
-- service issued are owners. gen_random_uuid() (PostgreSQL 13+) draws from a strong random source: two give 244
-- random bits. Deleting the row and restarting every instance (after re-inserting one) signs everyone out.
create table server_secrets (
    name  text primary key,
    value text not null
);
insert into server_secrets (name, value)
values ('owner-cookie', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
