#include "adapters/solv/queue.hpp"

#include "adapters/solv/c_api.hpp"

namespace pydeb::adapters::solv
{

void ObjQueue::Deleter::operator()(::s_Queue* queue) const
{
    queue_free(queue);
    delete queue;
}

ObjQueue::ObjQueue() : m_queue(new ::Queue)
{
    queue_init(m_queue.get());
}

ObjQueue::ObjQueue(std::initializer_list<Id> ids) : ObjQueue(std::span<const Id>(ids)) {}

ObjQueue::ObjQueue(std::span<const Id> ids) : ObjQueue()
{
    for (const Id id : ids)
    {
        push_back(id);
    }
}

ObjQueue::ObjQueue(ObjQueue&& other) noexcept : ObjQueue()
{
    m_queue.swap(other.m_queue);
}

ObjQueue& ObjQueue::operator=(ObjQueue&& other) noexcept
{
    m_queue.swap(other.m_queue);
    return *this;
}

ObjQueue::ObjQueue(const ObjQueue& other) : ObjQueue(other.ids()) {}

ObjQueue& ObjQueue::operator=(const ObjQueue& other)
{
    if (this != &other)
    {
        queue_free(m_queue.get());
        queue_init_clone(m_queue.get(), const_cast<::Queue*>(other.m_queue.get()));
    }
    return *this;
}

ObjQueue::~ObjQueue() = default;

void ObjQueue::push_back(Id id)
{
    queue_push(m_queue.get(), id);
}

void ObjQueue::clear()
{
    queue_empty(m_queue.get());
}

std::size_t ObjQueue::size() const
{
    return static_cast<std::size_t>(m_queue->count);
}

Id ObjQueue::operator[](std::size_t index) const
{
    return m_queue->elements[index];
}

std::span<const Id> ObjQueue::ids() const
{
    return {m_queue->elements, size()};
}

std::vector<Id> ObjQueue::to_vector() const
{
    const auto all = ids();
    return {all.begin(), all.end()};
}

} // namespace pydeb::adapters::solv
