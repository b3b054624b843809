"""initial schema

Revision ID: f432820125be
Revises: 
Create Date: 2026-11-24 10:06:31.892809
"""
from alembic import op
import sqlalchemy as sa
import aledraft.db


revision = 'f432820125be'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.Column('at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_login_attempts_email_at', ['email', 'at'], unique=False)
        batch_op.create_index('ix_login_attempts_ip_at', ['ip', 'at'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('responsible_id', sa.Integer(), nullable=True),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('logo_confirmed', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('updated_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('closed_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('last_activity_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['responsible_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('last_used_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('revoked_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=80), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=40), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_action'), ['action'], unique=False)
        batch_op.create_index('ix_audit_object', ['object_type', 'object_id'], unique=False)

    op.create_table('spokespersons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('external_name', sa.String(length=200), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('topics', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('appointed_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appointed_by_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('user_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'role')
    )
    op.create_table('account_admins',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', 'user_id')
    )
    op.create_table('account_closures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('proposed_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('proposal_reason', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.Column('decision_reason', sa.Text(), nullable=False),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('reply_to_text', sa.Text(), nullable=False),
    sa.Column('reply_to_url', sa.String(length=500), nullable=False),
    sa.Column('question_received_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('spokesperson_id', sa.Integer(), nullable=True),
    sa.Column('planned_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('updated_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('submitted_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('published_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('published_url', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['spokesperson_id'], ['spokespersons.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drafts_state'), ['state'], unique=False)

    op.create_table('moderation_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('published_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('removed_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('removed_text', sa.Text(), nullable=False),
    sa.Column('author_handle', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('reason_explanation', sa.Text(), nullable=False),
    sa.Column('removed_by_id', sa.Integer(), nullable=False),
    sa.Column('led_to_action', sa.Boolean(), nullable=False),
    sa.Column('diarienummer', sa.String(length=60), nullable=False),
    sa.Column('registered_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['removed_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('autosaves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('saved_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'draft_id', 'account_id')
    )
    op.create_table('consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('person_name', sa.String(length=200), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('reference', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('withdrawn_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.Column('withdrawn_by_id', sa.Integer(), nullable=True),
    sa.Column('withdrawal_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['withdrawn_by_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_draft_id'), ['draft_id'], unique=False)

    op.create_table('draft_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('report_json', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('draft_id', 'number')
    )
    with op.batch_alter_table('draft_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_versions_content_hash'), ['content_hash'], unique=False)

    op.create_table('moderation_screenshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('mime_type', sa.String(length=20), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['moderation_entries.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entry_id')
    )
    op.create_table('approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('approver_id', sa.Integer(), nullable=False),
    sa.Column('approved_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.Column('invalidated_at', aledraft.db.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['approver_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['draft_versions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('review_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('created_at', aledraft.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['draft_versions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('approval_id', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['approval_id'], ['approvals.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade():
    op.drop_table('overrides')
    op.drop_table('review_comments')
    op.drop_table('approvals')
    op.drop_table('moderation_screenshots')
    with op.batch_alter_table('draft_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_versions_content_hash'))

    op.drop_table('draft_versions')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_draft_id'))

    op.drop_table('consents')
    op.drop_table('autosaves')
    op.drop_table('moderation_entries')
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drafts_state'))

    op.drop_table('drafts')
    op.drop_table('account_closures')
    op.drop_table('account_admins')
    op.drop_table('user_roles')
    op.drop_table('spokespersons')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_object')
        batch_op.drop_index(batch_op.f('ix_audit_entries_action'))

    op.drop_table('audit_entries')
    op.drop_table('api_tokens')
    op.drop_table('accounts')
    op.drop_table('users')
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_ip_at')
        batch_op.drop_index('ix_login_attempts_email_at')

    op.drop_table('login_attempts')
