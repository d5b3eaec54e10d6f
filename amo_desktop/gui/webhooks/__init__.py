"""The webhooks view: live events, their details, subscriptions and the two-way check."""
