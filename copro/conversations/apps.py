from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "copro.conversations"
    label = "conversations"
    verbose_name = "Conversations and polls between meetings"

    def ready(self) -> None:
        from copro.conversations.data_handlers import register_all
        from copro.conversations.todo import open_polls
        from copro.core import todo
        from copro.notifications import kinds

        kinds.register("conversation_post", "Someone writes in a conversation in your project")
        kinds.register("post_hidden", "A moderator hides or puts back something you wrote")
        kinds.register("poll_opened", "A poll is opened in your project")
        register_all()
        todo.register(open_polls)
