/* vendoredext._ext: calls into the private libvendored-abc123.so.1 (found through
 * RUNPATH $ORIGIN/../vendoredext.libs) and into the system's libz.so.1. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <zlib.h>

int vendored_answer(void);

static PyObject *answer(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return PyLong_FromLong(vendored_answer());
}

static PyObject *crc(PyObject *self, PyObject *args)
{
    Py_buffer data;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*", &data))
        return NULL;
    unsigned long value = crc32(0L, (const Bytef *)data.buf, (uInt)data.len);
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(value);
}

static PyMethodDef methods[] = {
    {"answer", answer, METH_NOARGS, "vendored_answer() from the vendored library"},
    {"crc32", crc, METH_VARARGS, "zlib crc32 of a bytes object"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_ext", NULL, -1, methods};

PyMODINIT_FUNC PyInit__ext(void)
{
    return PyModule_Create(&module);
}
