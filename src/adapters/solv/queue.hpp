// RAII owner of a libsolv Queue (queue_init / queue_free): the id list type every libsolv call
// takes for jobs, whatprovides sets and problem rules.
#pragma once

#include "adapters/solv/ids.hpp"

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace pydeb::adapters::solv
{

class ObjQueue
{
public:
    ObjQueue();
    ObjQueue(std::initializer_list<Id> ids);
    explicit ObjQueue(std::span<const Id> ids);
    ObjQueue(ObjQueue&&) noexcept;
    ObjQueue& operator=(ObjQueue&&) noexcept;
    ObjQueue(const ObjQueue& other);
    ObjQueue& operator=(const ObjQueue& other);
    ~ObjQueue();

    void push_back(Id id);
    void clear();
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] Id operator[](std::size_t index) const;
    [[nodiscard]] std::span<const Id> ids() const;
    [[nodiscard]] std::vector<Id> to_vector() const;

    [[nodiscard]] ::s_Queue* raw() { return m_queue.get(); }
    [[nodiscard]] const ::s_Queue* raw() const { return m_queue.get(); }

private:
    struct Deleter
    {
        void operator()(::s_Queue* queue) const;
    };
    std::unique_ptr<::s_Queue, Deleter> m_queue;
};

} // namespace pydeb::adapters::solv
