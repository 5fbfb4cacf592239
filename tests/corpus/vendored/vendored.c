/* The private library a vendored wheel ships in vendoredext.libs/, as auditwheel repair does. */
int vendored_answer(void)
{
    return 42;
}
